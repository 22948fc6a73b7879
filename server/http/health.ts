/**
 * /healthz: is the store answering? 200 when it is, 503 when not. Never needs a token; without one it says
 * only whether the server is ok, and a caller with a valid token also gets the engine and the reason.
 */
import type { GraphStore } from '../../graph/store.ts';
import { json } from './respond.ts';

const PING_TIMEOUT_MS = 3000;

export async function health(store: GraphStore, detailed: boolean): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
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
    if (!detailed) return json(200, { ok: true });
    return json(200, { ok: true, engine: store.engine, description: store.description, reachable: true });
  } catch (e) {
    if (!detailed) return json(503, { ok: false });
    const message = e instanceof Error ? (e.message.split('\n', 1)[0] ?? e.message) : String(e);
    return json(503, {
      ok: false,
      engine: store.engine,
      description: store.description,
      reachable: false,
      error: message,
    });
  } finally {
    clearTimeout(timer);
  }
}
