import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../server/http/timeout.ts';

describe('withTimeout', () => {
  it('passes a prompt answer through unchanged', async () => {
    const handler = withTimeout(async (text: string) => new Response(text), 1000);
    expect(await (await handler('fine')).text()).toBe('fine');
  });

  it('answers 503 with a TIMEOUT GraphQL error when the handler does not finish in time', async () => {
    const handler = withTimeout(() => new Promise<Response>(() => undefined), 10);
    const response = await handler();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request took longer than 10 ms; narrow the filter or ask for fewer items',
          extensions: { code: 'TIMEOUT' },
        },
      ],
    });
  });
});
