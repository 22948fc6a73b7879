/**
 * Harm and themes told in the words reviews use rather than their names: what the scans showed, what the
 * child swallowed, how the baby died, a concern not passed on; and a parent's past kept apart. All text is fictional.
 */
import { describe, expect, it } from 'vitest';
import { classifyCase } from '../../../../ingest/classify/index.ts';
import { loadTaxonomy } from '../../../../ingest/taxonomy/index.ts';
import { entryCase, ids } from './fixture.ts';

const taxonomy = loadTaxonomy();
const harms = (text: string) => ids(classifyCase(entryCase(text, {}), text, taxonomy).harmTypes);

describe('harm told in other words', () => {
  it('tags a skull fracture and bleeding on the brain of a baby as a non-accidental head injury', () => {
    expect(
      harms('Baby K, aged ten weeks, was found to have a skull fracture and bleeding on the brain.'),
    ).toContain('non-accidental-head-injury');
  });

  it('tags a baby who died from a head injury, but not a child hurt in a fall', () => {
    expect(harms('Child P died in hospital from a head injury in 2021.')).toContain(
      'non-accidental-head-injury',
    );
    expect(harms('Child P suffered a head injury after a fall from a climbing frame.')).not.toContain(
      'non-accidental-head-injury',
    );
  });

  it('tags multiple and healing fractures as physical abuse', () => {
    expect(harms('Baby N was admitted with multiple fractures at eleven weeks old.')).toContain(
      'physical-abuse',
    );
    expect(harms('An X-ray showed two healing rib fractures.')).toContain('physical-abuse');
  });

  it("tags a child who swallowed a parent's methadone as poisoning", () => {
    expect(
      harms('Child S, aged two, was taken to hospital after swallowing methadone kept in a cup.'),
    ).toContain('poisoning-and-ingestion');
  });

  it('tags the sudden death of a young baby as a sudden unexpected death in infancy', () => {
    expect(harms('The review followed the sudden death of a 10-week old baby at home.')).toContain(
      'sudden-unexpected-death-in-infancy',
    );
  });
});

describe('themes told in other words', () => {
  const themes = (statement: string) =>
    classifyCase(entryCase(statement, { learning: [statement] }), statement, taxonomy).learning[0]?.themes ??
    [];

  it('reads a concern that was not passed on as information sharing', () => {
    expect(themes("The nursery's concern was not passed to the health visitor.")).toContain(
      'information-sharing',
    );
    expect(themes('Each agency held part of the picture and nobody had the whole picture.')).toContain(
      'information-sharing',
    );
  });

  it("reads professionals who did not hear from the child as the child's voice", () => {
    expect(themes('Practitioners did not hear from the children themselves.')).toContain(
      'voice-of-the-child',
    );
    expect(themes("The young people's own accounts were recorded but did not change the plan.")).toContain(
      'voice-of-the-child',
    );
  });
});

describe("a parent's own past is not the child's", () => {
  const summaryThemes = (text: string) =>
    ids(classifyCase(entryCase(text, { summary: text }), text, taxonomy).themes);

  it('does not read parents who had been looked after as a looked-after child', () => {
    expect(
      summaryThemes('Baby L died of a head injury. Both parents had been looked after children.'),
    ).not.toContain('looked-after-children');
  });

  it("does not tag a mother's past as a victim of domestic abuse as the child's harm", () => {
    expect(harms('Her mother had been a victim of domestic abuse by a previous partner.')).not.toContain(
      'domestic-abuse',
    );
  });
});
