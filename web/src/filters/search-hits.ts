/** What picking a search hit does, and how a hit is captioned when the room is not safe for names. */
import type { CaseName } from '../api/queries.ts';
import { reviewCaption } from '../presentation/pseudonyms.ts';
import type { Store } from '../state/store.ts';
import type { Selection, ViewState } from '../state/view-state.ts';
import type { SearchEvents } from './search-box.ts';

export interface SearchHitHost {
  state(): ViewState;
  update: Store<ViewState>['update'];
  caseMeta: Map<string, CaseName>;
  select(selection: Selection): void;
  focusTheme(id: string): void;
  /** Anything else (an agency, a learning…) opens the case graph around it, selected. */
  openGraphAround(ref: string): void;
}

export function searchHitEvents(host: SearchHitHost): SearchEvents {
  return {
    pick: (hit) => {
      const caseId = hit.caseId ?? (hit.kind === 'case' ? hit.key : null);
      if (hit.kind === 'theme') {
        if (host.state().view !== 'map') host.update({ view: 'map' });
        host.select({ kind: 'theme', id: hit.key });
        host.focusTheme(hit.key);
      } else if (caseId) {
        host.select({ kind: 'case', id: caseId });
      } else host.openGraphAround(hit.id);
    },
    caption: (hit) => {
      const meta = hit.caseId ? host.caseMeta.get(hit.caseId) : undefined;
      if (!host.state().roomSafe) return hit.caption;
      if (hit.kind === 'case' || hit.kind === 'partnership')
        return meta ? reviewCaption(meta, true) : 'A review';
      return hit.caption;
    },
  };
}
