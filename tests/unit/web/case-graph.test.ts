import { describe, expect, it } from 'vitest';
import { countByKind, edgeKey, emptyGraph, merge } from '../../../web/src/case-graph/graph-model.ts';
import { KINDS, keyOfRef, kindOfRef, shortCaption } from '../../../web/src/case-graph/kinds.ts';

const theme = { id: 'Theme:t', kind: 'THEME' as const, key: 't', caption: 'T' };
const review = { id: 'CaseReview:c', kind: 'CASE_REVIEW' as const, key: 'c', caption: 'C' };
const agency = { id: 'Agency:a', kind: 'AGENCY' as const, key: 'a', caption: 'A' };

describe('the case graph model', () => {
  it('merges neighbourhoods without duplicating nodes or edges and reports what is new', () => {
    const g = emptyGraph();
    const first = merge(g, {
      nodes: [theme, review],
      edges: [{ source: review.id, target: theme.id, type: 'HAS_THEME' }],
    });
    expect(first).toEqual({ nodes: [theme.id, review.id], edges: [`${review.id}>HAS_THEME>${theme.id}`] });
    const second = merge(g, {
      nodes: [review, agency],
      edges: [
        { source: review.id, target: theme.id, type: 'HAS_THEME' },
        { source: review.id, target: agency.id, type: 'INVOLVED' },
      ],
    });
    expect(second).toEqual({
      nodes: [agency.id],
      edges: [edgeKey({ source: review.id, target: agency.id, type: 'INVOLVED' })],
    });
    expect(countByKind(g)).toEqual(
      new Map([
        ['THEME', 1],
        ['CASE_REVIEW', 1],
        ['AGENCY', 1],
      ]),
    );
  });

  it('drops edges whose ends it was not given', () => {
    const g = emptyGraph();
    expect(
      merge(g, { nodes: [theme], edges: [{ source: 'CaseReview:x', target: theme.id, type: 'HAS_THEME' }] })
        .edges,
    ).toEqual([]);
  });

  it('reads the kind and key of a node reference', () => {
    expect(kindOfRef('Theme:information-sharing')).toBe('THEME');
    expect(kindOfRef('CaseReview:abc:def')).toBe('CASE_REVIEW');
    expect(keyOfRef('CaseReview:abc:def')).toBe('abc:def');
    expect(kindOfRef('Planet:x')).toBeNull();
  });

  it('gives every kind a distinct shape and a distinct colour', () => {
    const styles = Object.values(KINDS);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
  });

  it('shortens long statements at a word boundary', () => {
    expect(shortCaption('short')).toBe('short');
    const cut = shortCaption(
      'Practitioners should record the views of the child at every visit and review',
      30,
    );
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toBe('Practitioners should record…');
  });
});
