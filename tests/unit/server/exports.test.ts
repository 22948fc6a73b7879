import { describe, expect, it } from 'vitest';
import { csvCell, edgesCsv, themesCsv } from '../../../server/exports/csv.ts';
import type { FullGraph } from '../../../server/exports/full-graph.ts';
import { fullGexf, fullGexfLines, gexf } from '../../../server/exports/gexf.ts';
import { fullGraphml, fullGraphmlLines, graphml } from '../../../server/exports/graphml.ts';
import { readExportQuery } from '../../../server/exports/query-filter.ts';
import type { ReviewData } from '../../../server/exports/review-data.ts';
import { linksCsv, reviewsCsv, statementsCsv } from '../../../server/exports/tidy-csv.ts';
import type { LabelledNetwork } from '../../../server/graphql/network.ts';
import { streamed } from '../../../server/http/exports.ts';
import { parseStrictXml } from './well-formed-xml.ts';

const awkward: LabelledNetwork = {
  caseCount: 4,
  nodes: [
    { id: 'info', label: 'Information "sharing", & <records>', group: 'multi-agency', weight: 3 },
    { id: 'risk', label: "=risk's\nassessment", group: null, weight: 2 },
    { id: 'ctl', label: 'control\u0001char', group: 'g', weight: 1 },
  ],
  edges: [
    { source: 'info', target: 'risk', weight: 2, lift: 1.3333 },
    { source: 'ctl', target: 'info', weight: 1, lift: 0.5 },
  ],
};

describe('CSV exports', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(1.5)).toBe('1.5');
  });

  it('writes one edge per row with both labels, and one theme per row', () => {
    expect(edgesCsv(awkward).split('\r\n')).toEqual([
      'source,target,source_label,target_label,weight,lift',
      `info,risk,"Information ""sharing"", & <records>","'=risk's\nassessment",2,1.3333`,
      'ctl,info,control\u0001char,"Information ""sharing"", & <records>",1,0.5',
      '',
    ]);
    expect(themesCsv(awkward).split('\r\n')[0]).toBe('id,label,group,weight');
    expect(themesCsv(awkward).split('\r\n')[2]).toBe(`risk,"'=risk's\nassessment",,2`);
  });
});

describe('XML exports', () => {
  it('writes GraphML that parses, with escaped labels and typed keys', () => {
    const doc = parseStrictXml(graphml(awkward));
    const nodes = doc.getElementsByTagName('node');
    expect(nodes.length).toBe(3);
    expect(nodes[0]?.getElementsByTagName('data')[0]?.textContent).toBe('Information "sharing", & <records>');
    expect(nodes[2]?.getElementsByTagName('data')[0]?.textContent).toBe('controlchar');
    expect(doc.getElementsByTagName('edge')[0]?.getAttribute('source')).toBe('info');
  });

  it('writes GEXF 1.3 that parses, with weights on nodes and edges', () => {
    const doc = parseStrictXml(gexf(awkward, 'three & four', new Date('2024-05-06T10:00:00Z')));
    expect(doc.documentElement?.getAttribute('version')).toBe('1.3');
    expect(doc.getElementsByTagName('meta')[0]?.getAttribute('lastmodifieddate')).toBe('2024-05-06');
    expect(doc.getElementsByTagName('node')[1]?.getAttribute('label')).toBe("=risk's\nassessment");
    expect(doc.getElementsByTagName('edge')[0]?.getAttribute('weight')).toBe('2');
  });
});

describe('export query parameters', () => {
  it('reads comma-separated and repeated lists, enum names or stored values, years and minShared', () => {
    const query = readExportQuery(
      new URLSearchParams(
        'harmTypes=neglect,physical-abuse&themes=info&themes=risk&outcome=SERIOUS_HARM,death&ageBands=under 1&yearFrom=2015&minShared=2',
      ),
    );
    expect(query).toEqual({
      minShared: 2,
      filter: {
        harmTypes: ['neglect', 'physical-abuse'],
        themes: ['info', 'risk'],
        outcome: ['serious-harm', 'death'],
        ageBands: ['under 1'],
        yearFrom: 2015,
      },
    });
  });

  it('reads exclusions as not.<field>, the unknown-year choice, and partnership names with escaped commas', () => {
    const query = readExportQuery(
      new URLSearchParams(
        'not.themes=info,risk&not.reviewTypes=NATIONAL&not.outcome=serious-harm&unknownYear=exclude&partnerships=Northby\\, Eastwold,Southmere',
      ),
    );
    expect(query.filter).toEqual({
      partnerships: ['Northby, Eastwold', 'Southmere'],
      unknownYear: 'EXCLUDE',
      not: { themes: ['info', 'risk'], reviewTypes: ['NATIONAL'], outcome: ['serious-harm'] },
    });
    expect(() => readExportQuery(new URLSearchParams('unknownYear=sometimes'))).toThrow(
      'unknownYear: "sometimes" is not one of INCLUDE, EXCLUDE, ONLY',
    );
    expect(() => readExportQuery(new URLSearchParams('not.text=x'))).toThrow(/unknown parameter "not.text"/);
  });

  it('names an unknown parameter or a bad value', () => {
    expect(() => readExportQuery(new URLSearchParams('harmtype=neglect'))).toThrow(
      /unknown parameter "harmtype"/,
    );
    expect(() => readExportQuery(new URLSearchParams('yearFrom=last'))).toThrow(
      'yearFrom must be a whole number',
    );
    expect(() => readExportQuery(new URLSearchParams('outcome=fatal'))).toThrow(
      /outcome: "fatal" is not one of/,
    );
  });
});

const tidy: ReviewData = {
  reviews: [
    {
      id: 'r1',
      title: 'Review of "Child A", Northby',
      child: 'Child A',
      reviewType: 'LCSPR',
      partnership: 'Northby',
      authors: null,
      reportYear: 2021,
      incidentYear: null,
      age: '4 months',
      ageBand: 'under 1',
      gender: null,
      outcome: 'death',
      summary: 'line one\nline two',
      topic: null,
    },
  ],
  links: [
    {
      caseId: 'r1',
      type: 'CONCERNS',
      targetId: 'neglect',
      evidence: { sourceId: 's1', quote: 'Neglect, long standing.', start: 10, end: 33 },
    },
    {
      caseId: 'r1',
      type: 'HAS_THEME',
      targetId: 'info',
      evidence: { sourceId: 's1', quote: 'Records were not shared.', start: 40, end: 64 },
    },
    {
      caseId: 'r1',
      type: 'HAS_THEME',
      targetId: 'info',
      evidence: { sourceId: 's2', quote: 'Nobody passed it on.', start: 5, end: 25 },
    },
  ],
  learning: [
    {
      id: 'l1',
      kind: 'learning',
      caseId: 'r1',
      text: 'Share records.',
      sourceId: 's1',
      start: 70,
      end: 84,
      themes: ['info'],
      agencies: [],
    },
  ],
  recommendations: [
    {
      id: 'm1',
      kind: 'recommendation',
      caseId: 'r1',
      text: '=Police should share.',
      sourceId: 's1',
      start: 90,
      end: 111,
      themes: ['info', 'risk'],
      agencies: ['police'],
    },
  ],
  sourcesOf: new Map([['r1', ['s1', 's2']]]),
  linkedOf: new Map([['r1', { harmTypes: ['neglect'], agencies: [], themes: ['info'] }]]),
};

describe('tidy CSV exports', () => {
  it('writes one row per review with every field, ids joined by semicolons, and statement counts', () => {
    const lines = reviewsCsv(tidy).split('\r\n');
    expect(lines[0]).toBe(
      'id,title,child,review_type,partnership,authors,report_year,incident_year,age,age_band,gender,outcome,topic,summary,harm_types,agencies,themes,sources,learning,recommendations',
    );
    expect(lines.slice(1).join('\r\n')).toBe(
      'r1,"Review of ""Child A"", Northby",Child A,LCSPR,Northby,,2021,,4 months,under 1,,death,,"line one\nline two",neglect,,info,s1;s2,1,1\r\n',
    );
  });

  it('writes one row per evidencing sentence of each link, and one per statement', () => {
    expect(linksCsv(tidy, (type, id) => `${type}:${id}`).split('\r\n')).toEqual([
      'review,kind,target,target_label,quote,source,start,end',
      'r1,harm_type,neglect,CONCERNS:neglect,"Neglect, long standing.",s1,10,33',
      'r1,theme,info,HAS_THEME:info,Records were not shared.,s1,40,64',
      'r1,theme,info,HAS_THEME:info,Nobody passed it on.,s2,5,25',
      '',
    ]);
    expect(statementsCsv(tidy).split('\r\n')).toEqual([
      'kind,id,review,text,themes,agencies,source,start,end',
      'learning,l1,r1,Share records.,info,,s1,70,84',
      "recommendation,m1,r1,'=Police should share.,info;risk,police,s1,90,111",
      '',
    ]);
  });
});

const full: FullGraph = {
  description: 'two & more',
  nodes: [
    {
      id: 'CaseReview:r1',
      label: 'Review <one>',
      attributes: { kind: 'review', report_year: 2021, outcome: null },
    },
    {
      id: 'Theme:info',
      label: 'Information "sharing"',
      attributes: {
        kind: 'theme',
        reviews: 3,
        betweenness: 0.25,
        pagerank: 0.5,
        community: 0,
        community_name: 'a & b',
      },
    },
    { id: 'Theme:risk', label: 'Risk', attributes: { kind: 'theme', reviews: 2, community: null } },
  ],
  edges: [
    {
      source: 'CaseReview:r1',
      target: 'Theme:info',
      type: 'HAS_THEME',
      weight: 2,
      attributes: { quote: 'said "no"\nthen left', source_id: 's1', start: 1, end: 9 },
    },
    {
      source: 'Theme:info',
      target: 'Theme:risk',
      type: 'CO_OCCURS',
      weight: 2,
      attributes: { lift: 1.5, p_value: 0.01 },
    },
  ],
};

describe('full-graph exports', () => {
  it('writes directed GraphML with typed keys, leaving out values that do not apply', () => {
    const doc = parseStrictXml(fullGraphml(full));
    expect(doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault')).toBe('directed');
    const keys = [...Array.from(doc.getElementsByTagName('key'))].map((k) => [
      k.getAttribute('id'),
      k.getAttribute('attr.type'),
    ]);
    expect(keys).toContainEqual(['n_report_year', 'int']);
    expect(keys).toContainEqual(['n_pagerank', 'double']);
    expect(keys).toContainEqual(['e_lift', 'double']);
    const data = (el: Element | undefined) =>
      Object.fromEntries(
        Array.from(el?.getElementsByTagName('data') ?? []).map((d) => [d.getAttribute('key'), d.textContent]),
      );
    const [review, info, risk] = Array.from(doc.getElementsByTagName('node'));
    expect(data(review)).toEqual({ n_label: 'Review <one>', n_kind: 'review', n_report_year: '2021' });
    expect(data(info)).toMatchObject({ n_community: '0', n_community_name: 'a & b', n_pagerank: '0.5' });
    expect(data(risk)).not.toHaveProperty('n_community');
    const [link, cooccurs] = Array.from(doc.getElementsByTagName('edge'));
    expect(data(link)).toMatchObject({ e_type: 'HAS_THEME', e_weight: '2', e_quote: 'said "no"\nthen left' });
    expect(data(cooccurs)).toMatchObject({ e_type: 'CO_OCCURS', e_lift: '1.5', e_p_value: '0.01' });
  });

  it('writes directed GEXF 1.3 with declared attributes and the relationship type as edge label', () => {
    const doc = parseStrictXml(fullGexf(full, new Date('2024-05-06T10:00:00Z')));
    expect(doc.getElementsByTagName('graph')[0]?.getAttribute('defaultedgetype')).toBe('directed');
    const declared = Array.from(doc.getElementsByTagName('attribute')).map((a) => a.getAttribute('id'));
    expect(declared).toContain('community');
    expect(declared).toContain('p_value');
    const edge = doc.getElementsByTagName('edge')[1];
    expect(edge?.getAttribute('label')).toBe('CO_OCCURS');
    expect(edge?.getAttribute('weight')).toBe('2');
    const node = doc.getElementsByTagName('node')[1];
    const values = Object.fromEntries(
      Array.from(node?.getElementsByTagName('attvalue') ?? []).map((v) => [
        v.getAttribute('for'),
        v.getAttribute('value'),
      ]),
    );
    expect(values).toMatchObject({ kind: 'theme', reviews: '3', community: '0', community_name: 'a & b' });
  });

  it('adds centrality and community to the theme network files when the network has them', () => {
    const network = {
      caseCount: 3,
      nodes: [
        {
          id: 'info',
          label: 'Info',
          group: null,
          weight: 3,
          degree: 1,
          weightedDegree: 2,
          betweenness: 0,
          pageRank: 0.5,
          community: 0,
        },
        {
          id: 'risk',
          label: 'Risk',
          group: null,
          weight: 2,
          degree: 0,
          weightedDegree: 0,
          betweenness: 0,
          pageRank: 0,
          community: null,
        },
      ],
      edges: [{ source: 'info', target: 'risk', weight: 2, lift: 1.5 }],
    };
    const doc = parseStrictXml(graphml(network));
    const first = Array.from(doc.getElementsByTagName('node')[0]?.getElementsByTagName('data') ?? []);
    expect(first.map((d) => d.getAttribute('key'))).toEqual([
      'label',
      'group',
      'weight',
      'degree',
      'weighted_degree',
      'betweenness',
      'pagerank',
      'community',
    ]);
    const second = Array.from(doc.getElementsByTagName('node')[1]?.getElementsByTagName('data') ?? []);
    expect(second.map((d) => d.getAttribute('key'))).not.toContain('community');
    const g = parseStrictXml(gexf(network, 'x'));
    expect(Array.from(g.getElementsByTagName('attribute')).map((a) => a.getAttribute('id'))).toContain(
      'pagerank',
    );
  });
});

describe('streamed downloads', () => {
  it('send the same bytes as the whole file, whatever the chunk size', async () => {
    const today = new Date('2024-05-06T10:00:00Z');
    for (const size of [1, 7, 100, 1_000_000]) {
      const xml = await streamed(fullGraphmlLines(full), 'application/xml', 'g.graphml', size).text();
      expect(xml).toBe(fullGraphml(full));
      const gexfText = await streamed(fullGexfLines(full, today), 'application/xml', 'g.gexf', size).text();
      expect(gexfText).toBe(fullGexf(full, today));
    }
  });
});
