import { describe, expect, it } from 'vitest';
import { exposureWarning, readServerConfig, ServerConfigError } from '../../../server/config.ts';
import { jsonDepth } from '../../../server/graphql/nesting.ts';
import { fileName } from '../../../server/graphql/resolvers/types.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    readServerConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ServerConfigError) return e.problems;
    throw e;
  }
}

describe('reading limits in the server configuration', () => {
  it('reads documents for 20 s and 512 MB at most by default', () => {
    expect(readServerConfig({}).extract).toEqual({ seconds: 20, memoryMb: 512 });
  });

  it('takes the time and memory budgets from the environment', () => {
    const config = readServerConfig({ THREADLINE_READ_TIMEOUT_S: '5', THREADLINE_READ_MEMORY_MB: '256' });
    expect(config.extract).toEqual({ seconds: 5, memoryMb: 256 });
  });

  it('refuses to start on a limit that is not a number in range, naming each variable', () => {
    expect(
      problemsOf({
        THREADLINE_READ_TIMEOUT_S: 'soon',
        THREADLINE_READ_MEMORY_MB: '8',
        THREADLINE_MAX_UNZIPPED_MB: '-1',
        THREADLINE_MAX_PDF_PAGES: '2.5',
        THREADLINE_MAX_FILE_MB: '0',
      }),
    ).toEqual([
      'THREADLINE_MAX_FILE_MB=0 is not a number between 0.1 and 1024',
      'THREADLINE_MAX_UNZIPPED_MB=-1 is not a number between 1 and 2048',
      'THREADLINE_MAX_PDF_PAGES=2.5 is not a whole number between 1 and 100000',
      'THREADLINE_READ_TIMEOUT_S=soon is not a whole number between 1 and 3600',
      'THREADLINE_READ_MEMORY_MB=8 is not a whole number between 64 and 16384',
    ]);
  });

  it('limits a body without the admin token to 1 MB and an upload to 60 MB', () => {
    const { limits } = readServerConfig({});
    expect(limits.maxQueryBodyBytes).toBe(1024 * 1024);
    expect(limits.maxBodyBytes).toBe(60 * 1024 * 1024);
  });
});

describe('exposure warning', () => {
  it('warns when listening beyond loopback without an API token', () => {
    expect(exposureWarning({ host: '0.0.0.0', apiToken: null })).toMatch(
      /^listening on 0\.0\.0\.0 without THREADLINE_API_TOKEN: anyone who can reach this port can read the data/,
    );
    expect(exposureWarning({ host: '::', apiToken: null })).not.toBeNull();
  });

  it('says nothing on loopback or with an API token', () => {
    expect(exposureWarning({ host: '127.0.0.1', apiToken: null })).toBeNull();
    expect(exposureWarning({ host: 'localhost', apiToken: null })).toBeNull();
    expect(exposureWarning({ host: '0.0.0.0', apiToken: 'a-long-enough-api-token' })).toBeNull();
  });
});

describe('request nesting', () => {
  it('measures the depth of parsed JSON without recursion, even a million levels deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(jsonDepth(deep, 32)).toBe(33);
    expect(jsonDepth({ f: { themes: ['a', 'b'] } }, 32)).toBe(3);
    expect(jsonDepth(null, 32)).toBe(0);
  });

  it('counts an uploaded file as one value, not as nesting of its bytes', () => {
    const bytes = new Uint8Array(4096);
    expect(jsonDepth({ file: new Blob([bytes]) }, 32)).toBe(1);
    expect(jsonDepth({ file: { name: 'a.txt', bytes } }, 32)).toBe(2);
  });
});

describe('source file names', () => {
  it('shows the file name, never the folder it was loaded from', () => {
    expect(fileName('/srv/threadline/reviews/child-h.pdf')).toBe('child-h.pdf');
    expect(fileName('C:\\Users\\analyst\\child-h.docx')).toBe('child-h.docx');
    expect(fileName('upload.txt')).toBe('upload.txt');
  });
});
