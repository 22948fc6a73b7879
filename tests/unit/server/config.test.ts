import { describe, expect, it } from 'vitest';
import { readServerConfig, ServerConfigError } from '../../../server/config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    readServerConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ServerConfigError) return e.problems;
    throw e;
  }
}

describe('readServerConfig', () => {
  it('binds loopback port 4000 with CORS closed and no tokens by default', () => {
    expect(readServerConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      apiToken: null,
      adminToken: null,
      corsOrigins: [],
      webDir: 'dist/web',
      limits: { maxFirst: 100, maxHops: 6 },
    });
  });

  it('waits 750 ms for a warming analytics index unless THREADLINE_INDEX_WAIT_MS says otherwise', () => {
    expect(readServerConfig({}).indexWaitMs).toBe(750);
    expect(readServerConfig({ THREADLINE_INDEX_WAIT_MS: '0' }).indexWaitMs).toBe(0);
    expect(problemsOf({ THREADLINE_INDEX_WAIT_MS: 'soon' })).toEqual([
      'THREADLINE_INDEX_WAIT_MS=soon is not a whole number between 0 and 600000',
    ]);
  });

  it('reads a comma list of CORS origins and drops trailing slashes', () => {
    const config = readServerConfig({
      THREADLINE_CORS_ORIGINS: 'http://localhost:5173, https://maps.example.org/',
    });
    expect(config.corsOrigins).toEqual(['http://localhost:5173', 'https://maps.example.org']);
  });

  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      THREADLINE_API_TOKEN: 'short',
      THREADLINE_CORS_ORIGINS: 'maps.example.org',
      THREADLINE_REQUEST_TIMEOUT_MS: '5',
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^PORT=eighty is not a whole number between 0 and 65535/);
    expect(problems.join('\n')).toMatch(/THREADLINE_API_TOKEN is too short/);
    expect(problems.join('\n')).toMatch(/THREADLINE_CORS_ORIGINS: "maps.example.org" is not an origin/);
    expect(problems.join('\n')).toMatch(/THREADLINE_REQUEST_TIMEOUT_MS=5/);
  });

  it('refuses the same value for the API and admin tokens', () => {
    const token = 'a-long-enough-token-value';
    expect(problemsOf({ THREADLINE_API_TOKEN: token, THREADLINE_ADMIN_TOKEN: token })).toEqual([
      'THREADLINE_API_TOKEN and THREADLINE_ADMIN_TOKEN must differ (the admin token also grants reads)',
    ]);
  });

  it('converts the upload limit from megabytes', () => {
    expect(readServerConfig({ THREADLINE_MAX_UPLOAD_MB: '5' }).limits.maxBodyBytes).toBe(5 * 1024 * 1024);
  });
});
