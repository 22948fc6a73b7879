/** Modal dialogs on the native <dialog> element (focus trap, Esc and inert background come with it). */
import { h, ICONS, icon } from './dom.ts';

export function modal(title: string, id: string, body: Node[], footer: Node[] = []): HTMLDialogElement {
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': `${id}-title`, id },
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: `${id}-title` }, title),
      h(
        'button',
        { type: 'button', class: 'icon-button', 'aria-label': 'Close', onclick: () => dialog.close() },
        icon(ICONS.close, 18),
      ),
    ),
    h('div', { class: 'dialog-body' }, body),
    footer.length ? h('div', { class: 'dialog-foot' }, footer) : null,
  );
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  return dialog;
}
