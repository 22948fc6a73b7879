import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('the types generated from the SDL', () => {
  it('are checked in as npm run codegen writes them from the SDL and the queries now', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate(
      { ...config, cwd: root },
      false,
    );
    expect(outputs.map((o) => o.filename).sort()).toEqual(Object.keys(config.generates).sort());
    for (const { filename, content } of outputs) {
      expect(readFileSync(resolve(root, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(
        content,
      );
    }
  });
});
