/**
 * /healthz: is the store answering? 200 when it is, 503 when not. Never needs a token; without one it says
 * only whether the server is ok (and `status: "warming"` while the analytics index is first being built,
 * when queries may be asked to come back shortly); a caller with a valid token also gets the engine, the
 * reason, the index state, the search index's state (`search`) and that of each statement listing
 * (`listings.learning`, `listings.recommendation`), each "ready" or "warming". Only the analytics index
 * decides `status`: while the others warm, their answers come from the store.
 */
import type { GraphStore } from '../../graph/store.ts';
import type { IndexWarmingError, KeeperStates } from '../analytics/keeper.ts';
import { json } from './respond.ts';

const PING_TIMEOUT_MS = 3000;

export async function health(store: GraphStore, detailed: boolean, states: KeeperStates): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const { index, search, listings } = states;
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
      search,
      listings,
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
      search,
      listings,
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
