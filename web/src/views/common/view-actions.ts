/**
 * Export and Share menus of a view that is not drawn by Cytoscape: PNG and SVG of the view's own picture,
 * CSV of the rows it shows, and the query behind it as GraphQL or Python.
 */
import { graphqlSnippet, type ViewQuery } from '../../share/snippets.ts';
import { copyText, download } from '../../shell/clipboard.ts';
import { modal } from '../../shell/dialog.ts';
import { h, ICONS } from '../../shell/dom.ts';
import { disclosure, menuItem } from '../../shell/menu.ts';
import { svgToPng } from './picture.ts';
import { analyticsPython } from './snippets.ts';
import { downloadCsv, NOTHING_TO_EXPORT, today } from './view-shell.ts';

export interface ViewExports {
  /** File names start with this, e.g. 'theme-trends'. */
  stem(): string;
  picture(): { svg: string; width: number; height: number } | null;
  csv(): string | null;
  query(): ViewQuery;
  /** The view's own "copy as Python", when it prints something other than the trends or a comparison. */
  python?(endpoint: string): string;
  toast(message: string): void;
}

export function viewActions(id: string, host: ViewExports): HTMLElement {
  const name = (ext: string) => `${host.stem()}-${today()}.${ext}`;
  const nothing = () => host.toast(NOTHING_TO_EXPORT);
  const exportMenu = disclosure(
    'Export',
    ICONS.download,
    `${id}-export`,
    [
      menuItem(
        'PNG image',
        () => {
          const pic = host.picture();
          if (!pic) return nothing();
          svgToPng(pic.svg, pic.width, pic.height)
            .then((blob) => download(name('png'), blob))
            .catch((e: unknown) =>
              host.toast(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`),
            );
        },
        `${id}-export-png`,
        'what the view shows, with its caption',
      ),
      menuItem(
        'SVG drawing',
        () => {
          const pic = host.picture();
          if (!pic) return nothing();
          download(name('svg'), new Blob([pic.svg], { type: 'image/svg+xml' }));
        },
        `${id}-export-svg`,
        'scalable, for reports',
      ),
      menuItem(
        'Table (CSV)',
        () => {
          const text = host.csv();
          if (text === null) return nothing();
          downloadCsv(host.stem(), text);
        },
        `${id}-export-csv`,
        'the numbers shown',
      ),
    ],
    { testid: `${id}-export` },
  );
  const share = new SnippetDialog(`${id}-share-dialog`, host);
  const shareMenu = disclosure(
    'Share',
    ICONS.share,
    `${id}-share`,
    [
      menuItem(
        'Copy link to this view',
        () => share.show('Link to this view', location.href, 'Opens exactly this view.'),
        `${id}-share-link`,
      ),
      menuItem(
        'Copy as GraphQL',
        () =>
          share.show(
            'The query behind this view',
            graphqlSnippet(host.query(), endpoint()),
            'Paste into GraphiQL at /graphql, or send it from any client.',
          ),
        `${id}-share-graphql`,
      ),
      menuItem(
        'Copy as Python',
        () =>
          share.show(
            'This view in Python',
            host.python ? host.python(endpoint()) : analyticsPython(host.query(), endpoint()),
            'Standard library only. Set THREADLINE_API_TOKEN in the environment if the server asks for one.',
          ),
        `${id}-share-python`,
      ),
    ],
    { testid: `${id}-share` },
  );
  return h('div', { class: 'view-actions' }, exportMenu.root, shareMenu.root);
}

function endpoint(): string {
  return new URL('graphql', new URL('/', location.href)).href;
}

class SnippetDialog {
  private dialog: HTMLDialogElement | null = null;
  private readonly text = h('textarea', {
    class: 'share-text',
    readonly: true,
    rows: 14,
    spellcheck: 'false',
    'data-testid': 'view-share-text',
    'aria-label': 'Text to copy',
  });
  private readonly note = h('p', { class: 'hint' });

  constructor(
    private readonly id: string,
    private readonly host: ViewExports,
  ) {}

  show(title: string, text: string, note: string): void {
    this.dialog ??= modal(
      'Share',
      this.id,
      [this.note, this.text],
      [
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => this.dialog?.close() },
          'Close',
        ),
        h('button', { type: 'button', class: 'button', onclick: () => void this.copy() }, 'Copy'),
      ],
    );
    this.dialog.querySelector('h2')!.textContent = title;
    this.note.textContent = note;
    this.text.value = text;
    this.text.rows = Math.min(22, Math.max(3, text.split('\n').length + 1));
    this.dialog.showModal();
    this.text.focus();
    this.text.select();
    void this.copy();
  }

  private async copy(): Promise<void> {
    const ok = await copyText(this.text.value);
    this.host.toast(ok ? 'Copied to the clipboard.' : 'Select the text and copy it (Ctrl+C).');
  }
}
