/**
 * Waiting out a server that has just started. While its analytics index is first being built, the server
 * answers a request it cannot serve yet with HTTP 503, a Retry-After header and a GraphQL error marked
 * `retryable` (an export answers `{ error: 'warming' }`). Such an answer is asked again, with pauses that
 * grow, until the server answers or a bounded wait is spent. Any other answer is handed back untouched.
 *
 * The clock and fetch are passed in, so the waiting can be followed step by step without real timers.
 */

export interface Clock {
  /** Milliseconds on any steady scale. */
  now(): number;
  /** Resolves after `ms`; rejects at once if `signal` aborts meanwhile. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface WarmingPolicy {
  /** The longest wait in all, counted from the first "come back shortly" answer. */
  budgetMs: number;
  /** The first pause; each later one doubles, up to `maxDelayMs`, and is never shorter than Retry-After. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WARMING_POLICY: WarmingPolicy = {
  budgetMs: 30_000,
  firstDelayMs: 1000,
  maxDelayMs: 8000,
};

/** How often a wait in progress is reported, so that it can be shown counting up. */
export const WAIT_REPORT_MS = 1000;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The server was still warming when the wait was spent. */
export interface WarmingGaveUp {
  gaveUp: true;
  waitedMs: number;
  /** What the server said last, if anything. */
  serverMessage: string | null;
}

export interface WarmingOptions {
  clock: Clock;
  policy?: WarmingPolicy;
  /** Called with the time waited so far while waiting, and with null once the wait is over. */
  onWait?: (waitedMs: number | null) => void;
  signal?: AbortSignal;
}

export interface WarmingAnswer {
  retryAfterMs: number | null;
  message: string | null;
}

interface WarmingBody {
  error?: unknown;
  message?: unknown;
  retryAfterSeconds?: unknown;
  errors?: Array<{ message?: unknown; extensions?: { retryable?: unknown; retryAfterSeconds?: unknown } }>;
}

/** Whether an answer asks to be asked again shortly; null for every other answer. Leaves `response` unread. */
export async function warmingAnswer(response: Response): Promise<WarmingAnswer | null> {
  if (response.status !== 503) return null;
  let body: WarmingBody;
  try {
    body = (await response.clone().json()) as WarmingBody;
  } catch {
    return null;
  }
  if (body === null || typeof body !== 'object') return null;
  const retryable = body.errors?.find((e) => e?.extensions?.retryable === true);
  const exportWarming = body.error === 'warming';
  if (!retryable && !exportWarming) return null;
  const header = seconds(response.headers.get('retry-after'));
  const stated = seconds(retryable ? retryable.extensions?.retryAfterSeconds : body.retryAfterSeconds);
  const after = header ?? stated;
  const message = retryable ? retryable.message : body.message;
  return {
    retryAfterMs: after === null ? null : after * 1000,
    message: typeof message === 'string' && message.length > 0 ? message : null,
  };
}

function seconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** The pause before asking again the `attempt`-th time (0 first): doubling, capped, at least Retry-After. */
export function warmingDelay(policy: WarmingPolicy, attempt: number, retryAfterMs: number | null): number {
  const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** attempt);
  return Math.max(backoff, Math.min(retryAfterMs ?? 0, policy.maxDelayMs));
}

/**
 * Fetches, asking again while the server says it is warming. Returns the first answer that is not a
 * warming one, or WarmingGaveUp once the budget is spent. A fetch that throws, or an abort while pausing,
 * rejects as it would without the waiting.
 */
export async function fetchThroughWarming(
  fetchFn: Fetch,
  url: string,
  init: RequestInit,
  options: WarmingOptions,
): Promise<Response | WarmingGaveUp> {
  const { clock, policy = DEFAULT_WARMING_POLICY, onWait, signal } = options;
  let started: number | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      const response = await fetchFn(url, init);
      const warming = await warmingAnswer(response);
      if (!warming) return response;
      const now = clock.now();
      started ??= now;
      const waited = now - started;
      const remaining = policy.budgetMs - waited;
      if (remaining <= 0) return { gaveUp: true, waitedMs: waited, serverMessage: warming.message };
      const until = now + Math.min(remaining, warmingDelay(policy, attempt, warming.retryAfterMs));
      onWait?.(waited);
      for (let t = now; t < until; t = clock.now()) {
        await clock.sleep(Math.min(WAIT_REPORT_MS, until - t), signal);
        onWait?.(clock.now() - started);
      }
    }
  } finally {
    if (started !== null) onWait?.(null);
  }
}

export function isWarmingGaveUp(value: Response | WarmingGaveUp): value is WarmingGaveUp {
  return (value as WarmingGaveUp).gaveUp === true;
}

/** The browser's clock. */
export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
