/**
 * A storyboard: an ordered list of saved views (scenes), each with a title and the presenter's notes, for a
 * facilitator to step through in a room. Pure: every change returns a new storyboard, and reading a file or
 * a link returns an error value naming what is wrong rather than throwing.
 */

/** One saved view: `state` is the view's URL query string ("?view=trends&harm=neglect", or "" for the default map). */
export interface Scene {
  id: string;
  title: string;
  notes: string;
  state: string;
}

export interface Storyboard {
  scenes: readonly Scene[];
}

export type StoryErrorKind =
  | 'not-json'
  | 'not-a-storyboard'
  | 'unsupported-version'
  | 'bad-scenes'
  | 'bad-scene'
  | 'bad-link'
  | 'too-long';

export interface StoryError {
  kind: StoryErrorKind;
  message: string;
}

export type StoryResult<T> = { ok: true; value: T } | { ok: false; error: StoryError };

/** The key that marks a file as a storyboard; its value is the format's version. */
export const FORMAT_KEY = 'threadline-storyboard';
export const FORMAT_VERSION = 1;
/** The file name's ending, so a storyboard is recognisable among downloads. */
export const FILE_SUFFIX = '.threadline-story.json';
/** The URL parameter that carries a small storyboard. */
export const STORY_PARAM = 'story';
/** Longer storyboards go in a file: some mail and chat tools cut or refuse links much past this. */
export const MAX_LINK_JSON = 1500;

export const EMPTY_STORY: Storyboard = { scenes: [] };

/** Adds a scene at the end, with an id not used by any other scene. */
export function addScene(
  story: Storyboard,
  scene: { title: string; state: string; notes?: string },
): Storyboard {
  const scenes = [
    ...story.scenes,
    { id: nextId(story), title: scene.title, notes: scene.notes ?? '', state: scene.state },
  ];
  return { scenes };
}

export function renameScene(story: Storyboard, id: string, title: string): Storyboard {
  return patchScene(story, id, { title });
}

export function setNotes(story: Storyboard, id: string, notes: string): Storyboard {
  return patchScene(story, id, { notes });
}

/** Moves a scene one place earlier (-1) or later (1); at either end it stays where it is. */
export function moveScene(story: Storyboard, id: string, direction: 1 | -1): Storyboard {
  const from = story.scenes.findIndex((s) => s.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= story.scenes.length) return story;
  const scenes = [...story.scenes];
  const [moved] = scenes.splice(from, 1);
  if (!moved) return story;
  scenes.splice(to, 0, moved);
  return { scenes };
}

export function deleteScene(story: Storyboard, id: string): Storyboard {
  return { scenes: story.scenes.filter((s) => s.id !== id) };
}

export function serialiseStory(story: Storyboard): string {
  const scenes = story.scenes.map(({ id, title, notes, state }) => ({ id, title, notes, state }));
  return JSON.stringify({ [FORMAT_KEY]: FORMAT_VERSION, scenes }, null, 2);
}

export function parseStory(text: string): StoryResult<Storyboard> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('not-json', `The file is not JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!isRecord(data) || !(FORMAT_KEY in data))
    return fail(
      'not-a-storyboard',
      `The file is not a Threadline storyboard: it has no "${FORMAT_KEY}" entry.`,
    );
  const version = data[FORMAT_KEY];
  if (version !== FORMAT_VERSION)
    return fail(
      'unsupported-version',
      `The storyboard is version ${JSON.stringify(version)}; this explorer reads version ${FORMAT_VERSION}.`,
    );
  if (!Array.isArray(data.scenes)) return fail('bad-scenes', 'The storyboard has no "scenes" list.');
  const scenes: Scene[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of data.scenes.entries()) {
    const scene = readScene(raw, i + 1, seen);
    if (!scene.ok) return scene;
    seen.add(scene.value.id);
    scenes.push(scene.value);
  }
  return { ok: true, value: { scenes } };
}

/** The storyboard as a `story` parameter value (base64url of its JSON), or why it must go in a file instead. */
export function encodeStoryParam(story: Storyboard): StoryResult<string> {
  const json = JSON.stringify(JSON.parse(serialiseStory(story)));
  if (json.length >= MAX_LINK_JSON)
    return fail(
      'too-long',
      `This storyboard is ${json.length} characters, too long for a link (under ${MAX_LINK_JSON}); save it as a file instead.`,
    );
  return { ok: true, value: toBase64Url(json) };
}

export function decodeStoryParam(param: string): StoryResult<Storyboard> {
  if (!/^[A-Za-z0-9_-]*$/.test(param))
    return fail(
      'bad-link',
      'The storyboard in this link is damaged: it has characters a storyboard link never has.',
    );
  let json: string;
  try {
    json = fromBase64Url(param);
  } catch {
    return fail('bad-link', 'The storyboard in this link is damaged: it cannot be decoded.');
  }
  return parseStory(json);
}

function readScene(raw: unknown, n: number, seen: ReadonlySet<string>): StoryResult<Scene> {
  if (!isRecord(raw)) return fail('bad-scene', `Scene ${n} is not an object.`);
  for (const field of ['id', 'title', 'notes', 'state'] as const) {
    if (typeof raw[field] !== 'string') return fail('bad-scene', `Scene ${n} has no text "${field}".`);
  }
  const scene = { id: raw.id, title: raw.title, notes: raw.notes, state: raw.state } as Scene;
  if (!scene.id) return fail('bad-scene', `Scene ${n} has an empty "id".`);
  if (seen.has(scene.id))
    return fail('bad-scene', `Scene ${n} repeats the id "${scene.id}" of an earlier scene.`);
  if (scene.state !== '' && !scene.state.startsWith('?'))
    return fail('bad-scene', `Scene ${n}'s "state" is not a view's query string (it must start with "?").`);
  return { ok: true, value: scene };
}

function patchScene(story: Storyboard, id: string, patch: Partial<Omit<Scene, 'id'>>): Storyboard {
  return { scenes: story.scenes.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

function nextId(story: Storyboard): string {
  const used = story.scenes.map((s) => /^s(\d+)$/.exec(s.id)?.[1]).map((n) => (n ? Number(n) : 0));
  return `s${Math.max(0, ...used) + 1}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail<T>(kind: StoryErrorKind, message: string): StoryResult<T> {
  return { ok: false, error: { kind, message } };
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(param: string): string {
  const binary = atob(param.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
