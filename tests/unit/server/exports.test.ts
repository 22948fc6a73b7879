import { describe, expect, it } from 'vitest';
import { csvCell, edgesCsv, themesCsv } from '../../../server/exports/csv.ts';
import { gexf } from '../../../server/exports/gexf.ts';
import { graphml } from '../../../server/exports/graphml.ts';
import { readExportQuery } from '../../../server/exports/query-filter.ts';
import type { LabelledNetwork } from '../../../server/graphql/network.ts';
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
