import { describe, expect, it } from 'vitest';
import { exportName, exportUrl } from '../../../web/src/export/export-url.ts';
import { EMPTY_FILTERS } from '../../../web/src/state/view-state.ts';

describe('server export links', () => {
  it('point at the bare export for the whole collection', () => {
    expect(exportUrl('graph.graphml', EMPTY_FILTERS, 1)).toBe('/export/graph.graphml');
  });

  it('carry the view filter in the parameter names the server reads', () => {
    const url = exportUrl(
      'graph.gexf',
      {
        ...EMPTY_FILTERS,
        harmTypes: ['neglect', 'physical-abuse'],
        outcome: ['SERIOUS_HARM'],
        yearFrom: 2015,
      },
      3,
    );
    const params = new URL(url, 'http://x').searchParams;
    expect(params.get('harmTypes')).toBe('neglect,physical-abuse');
    expect(params.get('outcome')).toBe('SERIOUS_HARM');
    expect(params.get('yearFrom')).toBe('2015');
    expect(params.get('minShared')).toBe('3');
  });

  it('name downloaded files after what they hold', () => {
    expect(exportName('themes', 'csv', EMPTY_FILTERS)).toBe('threadline-themes.csv');
    expect(exportName('map', 'png', { ...EMPTY_FILTERS, yearFrom: 2015, agencies: ['police'] })).toBe(
      'threadline-map-2015-end-filtered.png',
    );
  });
});
