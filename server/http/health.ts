/** /healthz: is the store answering? 200 when it is, 503 when not. Never needs a token. */
import type { GraphStore } from '../../graph/store.ts';
import { json } from './respond.ts';

const PING_TIMEOUT_MS = 3000;

export async function health(store: GraphStore): Promise<Response> {
  const base = { engine: store.engine, description: store.description };
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
    return json(200, { ok: true, ...base, reachable: true });
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n', 1)[0] ?? e.message) : String(e);
    return json(503, { ok: false, ...base, reachable: false, error: message });
  } finally {
    clearTimeout(timer);
  }
}
