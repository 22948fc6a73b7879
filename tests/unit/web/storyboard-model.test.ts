import { describe, expect, it } from 'vitest';
import {
  addScene,
  decodeStoryParam,
  deleteScene,
  EMPTY_STORY,
  encodeStoryParam,
  MAX_LINK_JSON,
  moveScene,
  parseStory,
  renameScene,
  type Storyboard,
  serialiseStory,
  setNotes,
} from '../../../web/src/storyboard/storyboard-model.ts';

const four = (): Storyboard => {
  let story = addScene(EMPTY_STORY, { title: 'Neglect and its neighbours', state: '?theme=neglect' });
  story = addScene(story, { title: 'Rising themes', state: '?view=trends' });
  story = addScene(story, { title: 'Older against younger', state: '?view=compare' });
  return addScene(story, { title: 'One review', state: '?case=review-7', notes: 'Ask the room first.' });
};

const titles = (story: Storyboard) => story.scenes.map((s) => s.title);

function errorOf(text: string) {
  const parsed = parseStory(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.error;
}

describe('building a storyboard', () => {
  it('adds the current view at the end, with empty notes and an id no other scene has', () => {
    const story = four();
    expect(titles(story)).toEqual([
      'Neglect and its neighbours',
      'Rising themes',
      'Older against younger',
      'One review',
    ]);
    expect(story.scenes[0]).toEqual({
      id: 's1',
      title: 'Neglect and its neighbours',
      notes: '',
      state: '?theme=neglect',
    });
    expect(new Set(story.scenes.map((s) => s.id)).size).toBe(4);
    expect(story.scenes[3]?.notes).toBe('Ask the room first.');
  });

  it('gives a new scene a fresh id after an earlier one was deleted', () => {
    const story = addScene(deleteScene(four(), 's2'), { title: 'Again', state: '' });
    expect(story.scenes.map((s) => s.id)).toEqual(['s1', 's3', 's4', 's5']);
  });

  it('renames a scene and edits its notes without touching the others', () => {
    const story = setNotes(renameScene(four(), 's2', 'What is rising'), 's2', 'Point at the top row.');
    expect(story.scenes[1]).toMatchObject({ title: 'What is rising', notes: 'Point at the top row.' });
    expect(story.scenes[0]).toEqual(four().scenes[0]);
  });

  it('moves a scene up and down, and leaves the first and last in place at the ends', () => {
    const story = four();
    expect(titles(moveScene(story, 's3', -1))).toEqual([
      'Neglect and its neighbours',
      'Older against younger',
      'Rising themes',
      'One review',
    ]);
    expect(titles(moveScene(story, 's1', 1))[1]).toBe('Neglect and its neighbours');
    expect(moveScene(story, 's1', -1)).toBe(story);
    expect(moveScene(story, 's4', 1)).toBe(story);
    expect(moveScene(story, 'missing', 1)).toBe(story);
  });

  it('deletes a scene', () => {
    expect(titles(deleteScene(four(), 's1'))).toEqual([
      'Rising themes',
      'Older against younger',
      'One review',
    ]);
  });
});

describe('saving and opening a storyboard file', () => {
  it('round-trips through its versioned JSON', () => {
    const text = serialiseStory(four());
    expect(JSON.parse(text)).toMatchObject({ 'threadline-storyboard': 1 });
    const parsed = parseStory(text);
    expect(parsed).toEqual({ ok: true, value: four() });
  });

  it('refuses a file that is not JSON', () => {
    const error = errorOf('{ "threadline-storyboard": 1, ');
    expect(error.kind).toBe('not-json');
    expect(error.message).toMatch(/not JSON/);
  });

  it('refuses JSON that is not a storyboard, naming the missing marker', () => {
    expect(errorOf('{ "nodes": [] }')).toMatchObject({ kind: 'not-a-storyboard' });
    expect(errorOf('[1, 2]').message).toContain('"threadline-storyboard"');
  });

  it('refuses a version it does not read, saying which', () => {
    const error = errorOf('{ "threadline-storyboard": 2, "scenes": [] }');
    expect(error.kind).toBe('unsupported-version');
    expect(error.message).toContain('version 2');
  });

  it('refuses a storyboard without a scene list', () => {
    expect(errorOf('{ "threadline-storyboard": 1 }')).toMatchObject({ kind: 'bad-scenes' });
  });

  it('names the scene and the field that is wrong', () => {
    const scene = (extra: object) =>
      JSON.stringify({
        'threadline-storyboard': 1,
        scenes: [
          { id: 's1', title: 'Fine', notes: '', state: '' },
          { id: 's2', title: 'T', notes: '', state: '?view=trends', ...extra },
        ],
      });
    expect(errorOf(scene({ title: 3 }))).toEqual({
      kind: 'bad-scene',
      message: 'Scene 2 has no text "title".',
    });
    expect(errorOf(scene({ notes: undefined })).message).toBe('Scene 2 has no text "notes".');
    expect(errorOf(scene({ id: 's1' })).message).toContain('Scene 2 repeats the id "s1"');
    expect(errorOf(scene({ id: '' })).message).toContain('Scene 2 has an empty "id"');
    expect(errorOf(scene({ state: 'view=trends' })).message).toContain(`Scene 2's "state"`);
  });
});

describe('a storyboard in the link', () => {
  it('encodes a small storyboard as base64url and decodes it back, names and notes included', () => {
    const story = setNotes(four(), 's1', 'Café: “why” — ask 🙂');
    const encoded = encodeStoryParam(story);
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect(encoded.value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStoryParam(encoded.value)).toEqual({ ok: true, value: story });
  });

  it(`says a storyboard of ${MAX_LINK_JSON} characters or more must go in a file`, () => {
    const story = setNotes(four(), 's1', 'n'.repeat(MAX_LINK_JSON));
    const encoded = encodeStoryParam(story);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) {
      expect(encoded.error.kind).toBe('too-long');
      expect(encoded.error.message).toMatch(/save it as a file/);
    }
  });

  it('refuses a damaged link with a reason rather than throwing', () => {
    expect(decodeStoryParam('not base64!')).toMatchObject({ ok: false, error: { kind: 'bad-link' } });
    expect(decodeStoryParam('e30')).toMatchObject({ ok: false, error: { kind: 'not-a-storyboard' } });
  });
});
