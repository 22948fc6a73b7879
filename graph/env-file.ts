import { existsSync } from 'node:fs';

/**
 * Reads `.env` from the working directory when there is one, so `npm start` and `npm run ingest` see the
 * same settings as docker compose. Variables already set in the environment win over the file.
 */
export function loadEnvFileIfPresent(path = '.env'): void {
  if (!existsSync(path)) return;
  const before = { ...process.env };
  process.loadEnvFile(path);
  for (const [key, value] of Object.entries(before)) process.env[key] = value;
}
