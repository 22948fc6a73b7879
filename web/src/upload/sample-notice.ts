/**
 * The fictional sample, said plainly: a badge in the header while any sample document is loaded, and a
 * dialog listing every loaded document with the sample ones marked, from which the sample is removed in
 * one action (the removeSource mutation for each sample document, with the admin token).
 */

import { REMOVE_SOURCE } from '../api/analytics-queries.ts';
import { GraphQLClient } from '../api/client.ts';
import { sessionTokens } from '../api/tokens.ts';
import type { SourceSummary } from '../api/types.ts';
import { modal } from '../shell/dialog.ts';
import { h, replaceChildren } from '../shell/dom.ts';
import { isSampleSource, type SampleSummary, sampleIn } from './sample-sources.ts';

export interface SampleHost {
  /** The data changed on the server: reload what is shown. */
  removed(): void;
  toast(message: string): void;
}

export class SampleNotice {
  readonly badge: HTMLButtonElement;
  private dialog: HTMLDialogElement | null = null;
  private readonly list = h('ul', { class: 'source-list', 'data-testid': 'source-list' });
  private readonly result = h('div', { 'aria-live': 'polite', 'data-testid': 'sample-result' });
  private readonly token = h('input', {
    type: 'password',
    id: 'sample-admin-token',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  private readonly tokenField: HTMLElement;
  private readonly remove: HTMLButtonElement;
  private sources: SourceSummary[] = [];
  private sample: SampleSummary | null = null;
  private writable = false;

  constructor(private readonly host: SampleHost) {
    this.badge = h(
      'button',
      {
        type: 'button',
        class: 'sample-badge',
        hidden: true,
        'data-testid': 'sample-badge',
        onclick: () => this.open(),
      },
      'Fictional sample data',
    );
    this.tokenField = h(
      'div',
      { class: 'field' },
      h('label', { for: 'sample-admin-token' }, 'Admin token'),
      h('p', { class: 'hint' }, 'THREADLINE_ADMIN_TOKEN of this server. Kept only for this browser session.'),
      this.token,
    );
    this.remove = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': 'sample-remove',
        onclick: () => void this.removeSample(),
      },
      'Remove the sample',
    );
  }

  update(sources: Iterable<SourceSummary>, writable: boolean): void {
    this.sources = [...sources].sort(
      (a, b) => Number(isSampleSource(b)) - Number(isSampleSource(a)) || a.title.localeCompare(b.title),
    );
    this.sample = sampleIn(this.sources);
    this.writable = writable;
    this.badge.hidden = this.sample === null;
    if (this.sample)
      this.badge.title = `${this.sample.sources.length} fictional sample documents (${this.sample.reviews} invented reviews) are loaded. Open to see the sources or remove the sample.`;
    this.renderList();
  }

  open(): void {
    this.dialog ??= modal(
      'Documents loaded',
      'sources-dialog',
      [
        h(
          'p',
          {},
          'Documents marked “Fictional sample” were written for demonstration: every review, child, area and event in them is invented. They were loaded because the database was empty; remove them before using the figures.',
        ),
        this.list,
        this.tokenField,
        this.result,
      ],
      [
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: () => this.dialog?.close() },
          'Close',
        ),
        this.remove,
      ],
    );
    this.token.value = sessionTokens.adminToken() ?? '';
    this.renderList();
    replaceChildren(this.result);
    this.dialog.showModal();
  }

  private renderList(): void {
    replaceChildren(
      this.list,
      this.sources.map((s) =>
        h(
          'li',
          { 'data-sample': isSampleSource(s) ? 'true' : null },
          isSampleSource(s) ? h('span', { class: 'sample-tag' }, 'Fictional sample') : null,
          h('strong', {}, s.title),
          h(
            'span',
            { class: 'hint source-meta' },
            `${s.path} · ${s.caseCount} ${s.caseCount === 1 ? 'review' : 'reviews'}`,
          ),
        ),
      ),
    );
    const canRemove = this.sample !== null && this.writable;
    this.remove.hidden = !canRemove;
    this.tokenField.hidden = !canRemove;
  }

  private async removeSample(): Promise<void> {
    const sample = this.sample;
    const token = this.token.value.trim();
    if (!sample) return;
    if (!token) {
      this.token.focus();
      return;
    }
    sessionTokens.setAdminToken(token);
    // The server reads one bearer token, and the admin token also grants reads.
    const admin = new GraphQLClient('/graphql', { apiToken: () => token, adminToken: () => token });
    this.remove.disabled = true;
    let removed = 0;
    for (const source of sample.sources) {
      const r = await admin.request(REMOVE_SOURCE, { id: source.id });
      if (!r.ok) {
        if (r.error.kind === 'forbidden' || r.error.kind === 'unauthorised')
          sessionTokens.setAdminToken(null);
        replaceChildren(
          this.result,
          h('p', { class: 'panel-error', role: 'alert' }, `${source.title}: ${r.error.message}`),
        );
        break;
      }
      if (r.data.removeSource) removed++;
    }
    this.remove.disabled = false;
    if (removed > 0) {
      replaceChildren(
        this.result,
        h('p', {}, `Removed ${removed} sample ${removed === 1 ? 'document' : 'documents'}.`),
      );
      this.host.toast('The fictional sample was removed.');
      this.host.removed();
    }
  }
}
