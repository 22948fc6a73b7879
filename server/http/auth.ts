/**
 * Bearer tokens. THREADLINE_API_TOKEN guards every API call; THREADLINE_ADMIN_TOKEN guards writes and also
 * opens reads (one header cannot carry two tokens). Comparison is constant-time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerConfig } from '../config.ts';

export interface Caller {
  /** May read the API (no API token configured, or a valid token presented). */
  canRead: boolean;
  /** Presented the admin token. */
  isAdmin: boolean;
  /** A token was presented but matched neither configured token. */
  badToken: boolean;
}

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function identify(
  config: Pick<ServerConfig, 'apiToken' | 'adminToken'>,
  authorization: string | null,
): Caller {
  const token = bearerToken(authorization);
  const isAdmin = token !== null && config.adminToken !== null && sameSecret(token, config.adminToken);
  const isReader = token !== null && config.apiToken !== null && sameSecret(token, config.apiToken);
  return {
    canRead: config.apiToken === null || isReader || isAdmin,
    isAdmin,
    badToken: token !== null && !isAdmin && !isReader,
  };
}
