/** The Share menu: a link that reopens this view, and the query behind it as GraphQL or Python. */
import { copyText } from '../shell/clipboard.ts';
import { modal } from '../shell/dialog.ts';
import { h, ICONS } from '../shell/dom.ts';
import { disclosure, menuItem } from '../shell/menu.ts';
import type { ViewState } from '../state/view-state.ts';
import { graphqlSnippet, pythonSnippet, viewQuery } from './snippets.ts';

export interface ShareHost {
  state(): ViewState;
  toast(message: string): void;
}

export class ShareActions {
  private dialog: HTMLDialogElement | null = null;
  private text: HTMLTextAreaElement | null = null;
  private note: HTMLElement | null = null;

  constructor(private readonly host: ShareHost) {}

  menu(): HTMLElement {
    return disclosure(
      'Share',
      ICONS.share,
      'share-menu',
      [
        menuItem(
          'Copy link to this view',
          () =>
            void this.show(
              'Link to this view',
              location.href,
              'Anyone with access to this server opens exactly this view.',
            ),
          'share-link',
        ),
        menuItem(
          'Copy as GraphQL',
          () =>
            void this.show(
              'The query behind this view',
              graphqlSnippet(viewQuery(this.host.state()), this.endpoint()),
              'Paste into GraphiQL at /graphql, or send it from any client.',
            ),
          'share-graphql',
        ),
        menuItem(
          'Copy as Python',
          () =>
            void this.show(
              'This view in Python',
              pythonSnippet(viewQuery(this.host.state()), this.endpoint()),
              'Standard library only. Set THREADLINE_API_TOKEN in the environment if the server asks for one.',
            ),
          'share-python',
        ),
      ],
      { testid: 'share-menu' },
    ).root;
  }

  private endpoint(): string {
    return new URL('graphql', new URL('/', location.href)).href;
  }

  private async show(title: string, text: string, note: string): Promise<void> {
    if (!this.dialog) {
      this.text = h('textarea', {
        class: 'share-text',
        readonly: true,
        rows: 14,
        spellcheck: 'false',
        'data-testid': 'share-text',
        'aria-label': 'Text to copy',
      });
      this.note = h('p', { class: 'hint' });
      this.dialog = modal(
        'Share',
        'share-dialog',
        [this.note, this.text],
        [
          h(
            'button',
            { type: 'button', class: 'button secondary', onclick: () => this.dialog?.close() },
            'Close',
          ),
          h(
            'button',
            { type: 'button', class: 'button', onclick: () => void this.copy(), 'data-testid': 'share-copy' },
            'Copy',
          ),
        ],
      );
    }
    this.dialog.querySelector('h2')!.textContent = title;
    this.note!.textContent = note;
    this.text!.value = text;
    this.text!.rows = Math.min(22, Math.max(3, text.split('\n').length + 1));
    this.dialog.showModal();
    this.text!.focus();
    this.text!.select();
    await this.copy();
  }

  private async copy(): Promise<void> {
    const ok = await copyText(this.text?.value ?? '');
    this.host.toast(ok ? 'Copied to the clipboard.' : 'Select the text and copy it (Ctrl+C).');
  }
}
