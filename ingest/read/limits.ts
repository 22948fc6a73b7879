export const DEFAULT_MAX_FILE_MB = 20;
export const MAX_FILE_MB_ENV = 'THREADLINE_MAX_FILE_MB';

const BYTES_PER_MB = 1024 * 1024;

/**
 * The largest file we read, in megabytes. THREADLINE_MAX_FILE_MB overrides the default; a value that is not
 * a positive number is ignored (the default applies) because a typo must not disable the guard.
 */
export function maxFileMegabytes(env: NodeJS.ProcessEnv): number {
  const raw = env[MAX_FILE_MB_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_FILE_MB;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_FILE_MB;
}

export function maxFileBytes(env: NodeJS.ProcessEnv): number {
  return Math.floor(maxFileMegabytes(env) * BYTES_PER_MB);
}

/** "50.0 MB" — one decimal so a file just over the limit does not read as equal to it. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / BYTES_PER_MB).toFixed(1)} MB`;
}

/** "20 MB", or "0.5 MB" when the limit is not a whole number. */
export function formatLimit(megabytes: number): string {
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}
