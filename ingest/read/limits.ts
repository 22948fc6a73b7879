export const DEFAULT_MAX_FILE_MB = 20;
export const MAX_FILE_MB_ENV = 'THREADLINE_MAX_FILE_MB';

/** Bytes a Word document may inflate to, all parts together. */
export const DEFAULT_MAX_UNZIPPED_MB = 50;
export const MAX_UNZIPPED_MB_ENV = 'THREADLINE_MAX_UNZIPPED_MB';
/** Pages of a PDF we read. */
export const DEFAULT_MAX_PDF_PAGES = 2000;
export const MAX_PDF_PAGES_ENV = 'THREADLINE_MAX_PDF_PAGES';
/** Seconds one document may take to read and extract (in a worker thread, which is stopped past it). */
export const DEFAULT_READ_SECONDS = 20;
export const READ_SECONDS_ENV = 'THREADLINE_READ_TIMEOUT_S';
/** Heap one document's worker thread may use, in MB. */
export const DEFAULT_READ_MEMORY_MB = 512;
export const READ_MEMORY_MB_ENV = 'THREADLINE_READ_MEMORY_MB';

/** Parts of a Word document, and the nesting depth of its XML (mammoth reads XML recursively). */
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_XML_DEPTH = 512;

const BYTES_PER_MB = 1024 * 1024;

type Env = Record<string, string | undefined>;

/** A limit variable: its name, default, the range it accepts and what it means, for messages and checks. */
export interface LimitSetting {
  env: string;
  fallback: number;
  min: number;
  max: number;
  integer: boolean;
}

export const READ_LIMIT_SETTINGS: readonly LimitSetting[] = [
  { env: MAX_FILE_MB_ENV, fallback: DEFAULT_MAX_FILE_MB, min: 0.1, max: 1024, integer: false },
  { env: MAX_UNZIPPED_MB_ENV, fallback: DEFAULT_MAX_UNZIPPED_MB, min: 1, max: 2048, integer: false },
  { env: MAX_PDF_PAGES_ENV, fallback: DEFAULT_MAX_PDF_PAGES, min: 1, max: 100_000, integer: true },
  { env: READ_SECONDS_ENV, fallback: DEFAULT_READ_SECONDS, min: 1, max: 3600, integer: true },
  { env: READ_MEMORY_MB_ENV, fallback: DEFAULT_READ_MEMORY_MB, min: 64, max: 16_384, integer: true },
];

/**
 * The value of a limit variable, or its default when unset or invalid: a typo must not disable the guard.
 * The server refuses to start on an invalid value (readLimitProblems), so the fallback matters for the CLI.
 */
function limitValue(env: Env, name: string): number {
  const setting = READ_LIMIT_SETTINGS.find((s) => s.env === name);
  if (!setting) throw new Error(`unknown limit ${name}`);
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return setting.fallback;
  return problemWith(setting, raw) === null ? Number(raw) : setting.fallback;
}

function problemWith(setting: LimitSetting, raw: string): string | null {
  const value = Number(raw);
  const wholeOk = !setting.integer || Number.isInteger(value);
  if (raw !== '' && Number.isFinite(value) && wholeOk && value >= setting.min && value <= setting.max)
    return null;
  const what = setting.integer ? 'a whole number' : 'a number';
  return `${setting.env}=${raw} is not ${what} between ${setting.min} and ${setting.max}`;
}

/** Every invalid limit variable, each as one line naming it and what it accepts. */
export function readLimitProblems(env: Env): string[] {
  return READ_LIMIT_SETTINGS.flatMap((setting) => {
    const raw = env[setting.env]?.trim();
    if (raw === undefined || raw === '') return [];
    const problem = problemWith(setting, raw);
    return problem ? [problem] : [];
  });
}

/**
 * The largest file we read, in megabytes. THREADLINE_MAX_FILE_MB overrides the default; a value that is not
 * a positive number is ignored (the default applies) because a typo must not disable the guard.
 */
export function maxFileMegabytes(env: Env): number {
  return limitValue(env, MAX_FILE_MB_ENV);
}

export function maxFileBytes(env: Env): number {
  return Math.floor(maxFileMegabytes(env) * BYTES_PER_MB);
}

export function maxUnzippedMegabytes(env: Env): number {
  return limitValue(env, MAX_UNZIPPED_MB_ENV);
}

export function maxPdfPages(env: Env): number {
  return limitValue(env, MAX_PDF_PAGES_ENV);
}

export function readSeconds(env: Env): number {
  return limitValue(env, READ_SECONDS_ENV);
}

export function readMemoryMegabytes(env: Env): number {
  return limitValue(env, READ_MEMORY_MB_ENV);
}

export function megabytesToBytes(megabytes: number): number {
  return Math.floor(megabytes * BYTES_PER_MB);
}

/** "50.0 MB" — one decimal so a file just over the limit does not read as equal to it. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / BYTES_PER_MB).toFixed(1)} MB`;
}

/** A limit in the same precision as formatMegabytes: "20.0 MB", "0.5 MB". */
export function formatLimit(megabytes: number): string {
  return `${megabytes.toFixed(1)} MB`;
}
