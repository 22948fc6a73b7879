import { describe, expect, it } from 'vitest';
import { findLabels } from '../../../../ingest/extract/labels.ts';
import { readList, type Statement } from '../../../../ingest/extract/statements.ts';
import { makeView } from '../../../../ingest/extract/view.ts';

/** The statements of the first label in `text`, checked to be exact slices of it. */
function listOf(text: string, opts = {}): string[] {
  const view = makeView(text, []);
  const labels = findLabels(text, 0, text.length);
  const first = labels[0];
  if (!first) throw new Error('no label');
  const { statements } = readList(view, first, labels[1]?.start ?? text.length, opts);
  for (const s of statements as Statement[]) expect(text.slice(s.start, s.end)).toBe(s.text);
  return statements.map((s) => s.text);
}

describe('splitting a labelled list into statements', () => {
  it('splits on semicolons, drops "and" before the last item and the closing full stop', () => {
    expect(listOf('Learning includes: late referrals; poor records; and no supervision.')).toEqual([
      'late referrals',
      'poor records',
      'no supervision',
    ]);
  });

  it('never splits inside brackets or quotes', () => {
    expect(
      listOf(
        'Learning includes: advice (given twice; once by phone) was lost; the "ask; refer" rule was unknown; \'stop; think\' was not used.',
      ),
    ).toEqual([
      'advice (given twice; once by phone) was lost',
      'the "ask; refer" rule was unknown',
      "'stop; think' was not used",
    ]);
  });

  it('treats apostrophes inside words as letters, not quotes', () => {
    expect(
      listOf("Learning includes: the children's views were not sought; the parents' account was accepted."),
    ).toEqual(["the children's views were not sought", "the parents' account was accepted"]);
  });

  it('ignores unbalanced quotes rather than swallowing the list', () => {
    expect(listOf("Learning includes: the 'quiet child was missed; records were late.")).toEqual([
      "the 'quiet child was missed",
      'records were late',
    ]);
  });

  it('drops a trailing "and" from an item', () => {
    expect(listOf('Recommendations include: train staff; and review the policy, and.')).toEqual([
      'train staff',
      'review the policy',
    ]);
  });

  it('follows a list across a paragraph break when the text plainly continues', () => {
    const text =
      'Learning includes: records were kept in two\n\nsystems; nobody read both.\n\nOther resources';
    expect(listOf(text)).toEqual(['records were kept in two\n\nsystems', 'nobody read both']);
  });

  it('stops at the end of the list sentence when no further semicolon follows', () => {
    const text =
      'Findings include: late referrals; poor records. Uses a systems method. Recommendations include: train staff.';
    expect(listOf(text)).toEqual(['late referrals', 'poor records']);
  });

  it('keeps sentences inside an item when the list carries on after them', () => {
    expect(listOf('Learning includes: records were late. Nobody checked them; plans drifted.')).toEqual([
      'records were late. Nobody checked them',
      'plans drifted',
    ]);
  });

  it('reads bulleted items under a label on its own line, with wrapped lines and sub-items', () => {
    const text = [
      'Learning includes:',
      '- advice was given once (by the midwife and',
      '  not repeated)',
      '- > fathers were not seen:',
      ' - at home',
      ' - at clinic',
      '- visits were cancelled.',
      '',
      'Read the review',
    ].join('\n');
    expect(listOf(text)).toEqual([
      'advice was given once (by the midwife and\n  not repeated)',
      'fathers were not seen:\n - at home\n - at clinic',
      'visits were cancelled.',
    ]);
  });

  it('reads numbered items', () => {
    expect(listOf('Recommendations include:\n1. Train staff.\n2. Audit files.\n')).toEqual([
      'Train staff.',
      'Audit files.',
    ]);
  });

  it('reads a bullet that continues after a blank line in lower case', () => {
    expect(
      listOf(
        'Key findings include: -\n\n- debts made families fearful that\n\nchildren would be removed\n- schools knew most',
      ),
    ).toEqual(['debts made families fearful that\n\nchildren would be removed', 'schools knew most']);
  });

  it('takes prose paragraphs as statements when no list items follow the label', () => {
    expect(
      listOf('Key messages include: -\n\nBabies must be seen.\n\nPartners must be asked about.\n'),
    ).toEqual(['Babies must be seen.', 'Partners must be asked about.']);
  });

  it('skips sub-headings between groups of items when asked to', () => {
    const text = 'Key findings include:\n\nEarly signs\n\n- one\n- two\n\nWorking together\n\n- three\n';
    expect(listOf(text, { skipSubheadings: true })).toEqual(['one', 'two', 'three']);
    expect(listOf(text)).toEqual([]);
  });

  it('reads a list written one item per line, without markers', () => {
    expect(listOf('Learning:\nRecords were late\nPlans drifted;\nnobody checked\n\nRead the review')).toEqual(
      ['Records were late', 'Plans drifted', 'nobody checked'],
    );
  });

  it('keeps a wrapped prose paragraph under a label as one statement', () => {
    expect(
      listOf('Key messages include:\nBabies who are bruised must\nalways be seen by a doctor.\n'),
    ).toEqual(['Babies who are bruised must\nalways be seen by a doctor.']);
  });

  it('drops inline enumerators from the start of items', () => {
    expect(
      listOf('Recommendations include: (1) train staff; (2) audit files; b) review the policy.'),
    ).toEqual(['train staff', 'audit files', 'review the policy']);
  });
});
