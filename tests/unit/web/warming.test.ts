import { describe, expect, it } from 'vitest';
import {
  type Clock,
  fetchThroughWarming,
  isWarmingGaveUp,
  type WarmingPolicy,
  warmingAnswer,
  warmingDelay,
} from '../../../web/src/api/warming.ts';

const WARMING_MESSAGE =
  'The server has just started and is still building its analytics index; try again in 2 seconds.';

/** What the server answers a GraphQL request while its analytics index warms. */
function warmingGraphQL(retryAfter: string | null = '2'): Response {
  return new Response(
    JSON.stringify({
      errors: [
        {
          message: WARMING_MESSAGE,
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 2 },
        },
      ],
    }),
    {
      status: 503,
      headers: { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
    },
  );
}

function ok(): Response {
  return new Response(JSON.stringify({ data: { themes: [] } }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** A clock that only moves when slept on, and remembers each pause. */
function fakeClock(start = 10_000): Clock & { sleeps: number[]; at(): number } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    at: () => now - start,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A fetch answering from a script, each call costing `latencyMs` on the clock. */
function scripted(answers: Array<() => Response>, clock?: ReturnType<typeof fakeClock>, latencyMs = 0) {
  const calls: RequestInit[] = [];
  const fetchFn = async (_url: string, init: RequestInit) => {
    calls.push(init);
    if (clock && latencyMs) await clock.sleep(latencyMs);
    const next = answers.shift();
    if (!next) throw new Error('no more answers scripted');
    return next();
  };
  return { fetchFn, calls };
}

const POLICY: WarmingPolicy = { budgetMs: 30_000, firstDelayMs: 1000, maxDelayMs: 8000 };

describe('recognising a warming answer', () => {
  it('reads a retryable GraphQL 503, with its Retry-After, and leaves the body unread', async () => {
    const response = warmingGraphQL('3');
    expect(await warmingAnswer(response)).toEqual({ retryAfterMs: 3000, message: WARMING_MESSAGE });
    expect(response.bodyUsed).toBe(false);
  });

  it("falls back to the error's retryAfterSeconds without a header, and reads an export's warming answer", async () => {
    expect((await warmingAnswer(warmingGraphQL(null)))?.retryAfterMs).toBe(2000);
    const exportAnswer = new Response(
      JSON.stringify({ error: 'warming', message: 'still building', retryAfterSeconds: 2 }),
      { status: 503 },
    );
    expect(await warmingAnswer(exportAnswer)).toEqual({ retryAfterMs: 2000, message: 'still building' });
  });

  it('leaves other answers alone: a 503 that is not retryable, one without JSON, and a 200', async () => {
    const storeDown = new Response(
      JSON.stringify({
        errors: [{ message: 'The database cannot answer', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      }),
      { status: 503 },
    );
    expect(await warmingAnswer(storeDown)).toBeNull();
    expect(await warmingAnswer(new Response('Service Unavailable', { status: 503 }))).toBeNull();
    expect(await warmingAnswer(ok())).toBeNull();
  });
});

describe('the pause between attempts', () => {
  it('doubles from the first pause up to the cap, and is never shorter than Retry-After', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => warmingDelay(POLICY, n, null))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
    expect([0, 1, 2, 3].map((n) => warmingDelay(POLICY, n, 2000))).toEqual([2000, 2000, 4000, 8000]);
    expect(warmingDelay(POLICY, 0, 60_000)).toBe(8000);
  });
});

describe('fetching through a warming server', () => {
  it('hands back an ordinary answer at once, without waiting or reporting', async () => {
    const clock = fakeClock();
    const { fetchFn, calls } = scripted([ok]);
    const reports: Array<number | null> = [];
    const answer = await fetchThroughWarming(
      fetchFn,
      '/graphql',
      { method: 'POST' },
      {
        clock,
        policy: POLICY,
        onWait: (ms) => reports.push(ms),
      },
    );
    expect(isWarmingGaveUp(answer)).toBe(false);
    expect((answer as Response).status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('asks again after the pauses while warming, counting the wait up each second, then answers', async () => {
    const clock = fakeClock();
    const { fetchFn, calls } = scripted([
      () => warmingGraphQL(),
      () => warmingGraphQL(),
      () => warmingGraphQL(),
      ok,
    ]);
    const reports: Array<number | null> = [];
    const init = { method: 'POST', body: '{"query":"{ themes { id } }"}' };
    const answer = await fetchThroughWarming(fetchFn, '/graphql', init, {
      clock,
      policy: POLICY,
      onWait: (ms) => reports.push(ms),
    });
    expect((answer as Response).status).toBe(200);
    expect(await (answer as Response).json()).toEqual({ data: { themes: [] } });
    expect(calls).toEqual([init, init, init, init]);
    // Pauses of 2 s (Retry-After), 2 s, then 4 s, slept a second at a time.
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]);
    expect(reports).toEqual([0, 1000, 2000, 2000, 3000, 4000, 4000, 5000, 6000, 7000, 8000, null]);
  });

  it('gives up once the wait is spent, asking a last time at the end of it, and says what the server said', async () => {
    const clock = fakeClock();
    const answers = Array.from({ length: 20 }, () => () => warmingGraphQL());
    const { fetchFn, calls } = scripted(answers, clock, 750);
    const reports: Array<number | null> = [];
    const answer = await fetchThroughWarming(
      fetchFn,
      '/graphql',
      { method: 'POST' },
      {
        clock,
        policy: POLICY,
        onWait: (ms) => reports.push(ms),
      },
    );
    expect(isWarmingGaveUp(answer)).toBe(true);
    if (!isWarmingGaveUp(answer)) return;
    expect(answer.serverMessage).toBe(WARMING_MESSAGE);
    expect(answer.waitedMs).toBeGreaterThanOrEqual(POLICY.budgetMs);
    expect(answer.waitedMs).toBeLessThan(POLICY.budgetMs + 1000);
    // The first answer took 750 ms; the wait is counted from it.
    expect(clock.at()).toBe(750 + answer.waitedMs);
    // 2, 2, 4, 8, 8 s of pauses with 750 ms per answer leaves 30 - 24 - 3.75 s for a shortened last pause.
    expect(calls).toHaveLength(7);
    expect(reports.at(-1)).toBeNull();
    expect(reports.filter((r) => r !== null).every((r) => r <= POLICY.budgetMs)).toBe(true);
  });

  it('hands back a 503 that is not the warming kind untouched, for the caller to report', async () => {
    const clock = fakeClock();
    const { fetchFn } = scripted([() => new Response('Bad Gateway', { status: 503 })]);
    const answer = await fetchThroughWarming(
      fetchFn,
      '/graphql',
      { method: 'POST' },
      { clock, policy: POLICY },
    );
    expect((answer as Response).status).toBe(503);
    expect(await (answer as Response).text()).toBe('Bad Gateway');
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting when the request is cancelled, and says the wait is over', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const { fetchFn, calls } = scripted([() => warmingGraphQL(), ok]);
    const reports: Array<number | null> = [];
    const run = fetchThroughWarming(
      fetchFn,
      '/graphql',
      { method: 'POST' },
      {
        clock: {
          now: clock.now,
          sleep: (ms, signal) => {
            controller.abort(new DOMException('The request was cancelled.', 'AbortError'));
            return clock.sleep(ms, signal);
          },
        },
        policy: POLICY,
        onWait: (ms) => reports.push(ms),
        signal: controller.signal,
      },
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(calls).toHaveLength(1);
    expect(reports).toEqual([0, null]);
  });

  it('lets a fetch that fails reject as it would have, after ending the report of a wait', async () => {
    const clock = fakeClock();
    const fetchFn = async () => {
      if (clock.sleeps.length === 0) return warmingGraphQL();
      throw new TypeError('Failed to fetch');
    };
    const reports: Array<number | null> = [];
    await expect(
      fetchThroughWarming(
        fetchFn,
        '/graphql',
        { method: 'POST' },
        {
          clock,
          policy: POLICY,
          onWait: (ms) => reports.push(ms),
        },
      ),
    ).rejects.toThrow('Failed to fetch');
    expect(reports.at(-1)).toBeNull();
  });
});
