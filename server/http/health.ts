/**
 * /healthz: is the store answering? 200 when it is, 503 when not. Never needs a token; without one it says
 * only whether the server is ok (and `status: "warming"` while the analytics index is first being built,
 * when queries may be asked to come back shortly); a caller with a valid token also gets the engine, the
 * reason and the index state.
 */
import type { GraphStore } from '../../graph/store.ts';
import type { IndexState, IndexWarmingError } from '../analytics/keeper.ts';
import { json } from './respond.ts';

const PING_TIMEOUT_MS = 3000;

export async function health(store: GraphStore, detailed: boolean, index: IndexState): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const warming = index === 'warming' ? { status: 'warming' } : {};
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)),
          PING_TIMEOUT_MS,
        );
      }),
    ]);
    if (!detailed) return json(200, { ok: true, ...warming });
    return json(200, {
      ok: true,
      ...warming,
      engine: store.engine,
      description: store.description,
      reachable: true,
      index,
    });
  } catch (e) {
    if (!detailed) return json(503, { ok: false });
    const message = e instanceof Error ? (e.message.split('\n', 1)[0] ?? e.message) : String(e);
    return json(503, {
      ok: false,
      engine: store.engine,
      description: store.description,
      reachable: false,
      error: message,
      index,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** What a file export answers while the analytics index is first being built: come back shortly. */
export function warming(e: IndexWarmingError): Response {
  return json(
    503,
    { error: 'warming', message: e.message, retryAfterSeconds: e.retryAfterSeconds },
    { 'retry-after': String(e.retryAfterSeconds) },
  );
}
