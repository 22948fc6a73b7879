/**
 * "Add documents": the admin token (kept for this browser session), files chosen or dropped, each sent by
 * the ingestDocument mutation as a GraphQL multipart request, with a result line per file.
 */
import type { Api } from '../api/client.ts';
import { INGEST_DOCUMENT } from '../api/queries.ts';
import { sessionTokens } from '../api/tokens.ts';
import type { IngestResult } from '../api/types.ts';
import { modal } from '../shell/dialog.ts';
import { h, replaceChildren } from '../shell/dom.ts';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

export class UploadDialog {
  readonly dialog: HTMLDialogElement;
  private readonly token: HTMLInputElement;
  private readonly files: HTMLInputElement;
  private readonly chosen: HTMLElement;
  private readonly results: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private queue: File[] = [];
  private busy = false;

  constructor(
    private readonly api: Api,
    private readonly onLoaded: () => void,
  ) {
    this.token = h('input', {
      type: 'password',
      id: 'admin-token',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
    });
    this.files = h('input', {
      type: 'file',
      id: 'upload-files',
      multiple: true,
      accept: ACCEPT,
      class: 'visually-hidden',
      'data-testid': 'upload-input',
      onchange: () => this.choose([...(this.files.files ?? [])]),
    });
    this.chosen = h('ul', { class: 'file-list' });
    this.results = h('div', {
      class: 'upload-results',
      'aria-live': 'polite',
      'data-testid': 'upload-results',
    });
    this.submit = h(
      'button',
      { type: 'submit', class: 'button', form: 'upload-form' },
      'Add to the collection',
    );
    const drop = h(
      'label',
      { class: 'drop-zone', for: 'upload-files' },
      h('strong', {}, 'Choose files'),
      h('span', {}, ' or drop them here'),
      h(
        'span',
        { class: 'hint' },
        'Text, Markdown, HTML, PDF or Word (.docx). Re-adding an unchanged file changes nothing.',
      ),
    );
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      this.choose([...(e.dataTransfer?.files ?? [])]);
    });
    const form = h(
      'form',
      { id: 'upload-form', onsubmit: (e: Event) => this.send(e) },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'admin-token' }, 'Admin token'),
        h(
          'p',
          { class: 'hint' },
          'THREADLINE_ADMIN_TOKEN of this server. Kept only for this browser session.',
        ),
        this.token,
      ),
      h('div', { class: 'field' }, this.files, drop, this.chosen),
    );
    this.dialog = modal(
      'Add documents',
      'upload-dialog',
      [form, this.results],
      [
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => this.dialog.close() },
          'Close',
        ),
        this.submit,
      ],
    );
  }

  open(): void {
    this.token.value = sessionTokens.adminToken() ?? '';
    this.dialog.showModal();
    (this.token.value ? this.files : this.token).focus();
  }

  private choose(files: File[]): void {
    this.queue = files;
    replaceChildren(
      this.chosen,
      files.map((f) => h('li', {}, f.name, h('span', { class: 'meta' }, ` ${formatBytes(f.size)}`))),
    );
  }

  private async send(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const token = this.token.value.trim();
    if (!token) {
      this.token.focus();
      return;
    }
    if (this.queue.length === 0) {
      replaceChildren(
        this.results,
        h('p', { class: 'panel-error', role: 'alert' }, 'Choose at least one file first.'),
      );
      return;
    }
    sessionTokens.setAdminToken(token);
    this.busy = true;
    this.submit.disabled = true;
    replaceChildren(this.results);
    let loaded = 0;
    for (const file of this.queue) {
      const row = h(
        'div',
        { class: 'upload-row', 'data-testid': 'upload-row' },
        h('strong', {}, file.name),
        h('span', { class: 'badge' }, 'sending…'),
      );
      this.results.append(row);
      const result = await this.api.upload(
        INGEST_DOCUMENT,
        { filename: file.name, file: null },
        'variables.file',
        file,
        file.name,
      );
      if (!result.ok) {
        if (result.error.kind === 'forbidden' || result.error.kind === 'unauthorised') {
          sessionTokens.setAdminToken(null);
          replaceChildren(
            row,
            h('strong', {}, file.name),
            h('span', { class: 'badge failed' }, 'refused'),
            h('p', {}, `${result.error.message} Check the admin token and try again.`),
          );
          break;
        }
        replaceChildren(
          row,
          h('strong', {}, file.name),
          h('span', { class: 'badge failed' }, 'failed'),
          h('p', {}, result.error.message),
        );
        continue;
      }
      const outcome = result.data.ingestDocument;
      if (outcome.status !== 'failed' && outcome.status !== 'unchanged') loaded++;
      replaceChildren(row, ...resultRow(outcome));
    }
    this.busy = false;
    this.submit.disabled = false;
    if (loaded > 0) this.onLoaded();
  }
}

function resultRow(r: IngestResult): Node[] {
  const failed = r.status === 'failed' || r.error !== null;
  return [
    h('strong', {}, r.filename),
    h('span', { class: `badge ${failed ? 'failed' : r.status}` }, r.status),
    failed
      ? h('p', { class: 'error-text' }, r.error ?? 'The file could not be read.')
      : h('p', {}, `${r.cases} ${r.cases === 1 ? 'review' : 'reviews'} found.`),
    r.warnings.length
      ? h(
          'ul',
          { class: 'warnings' },
          r.warnings.map((w) => h('li', {}, w)),
        )
      : document.createTextNode(''),
  ];
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
