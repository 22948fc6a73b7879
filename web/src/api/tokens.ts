/** Tokens live in sessionStorage: they survive a reload but not the closing of the tab. */
import type { TokenSource } from './client.ts';

const API_KEY = 'threadline.apiToken';
const ADMIN_KEY = 'threadline.adminToken';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled: the user is asked again next time
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // storage disabled: the token lives only as long as this call
  }
}

export const sessionTokens: TokenSource & {
  setApiToken(v: string | null): void;
  setAdminToken(v: string | null): void;
} = {
  apiToken: () => read(API_KEY),
  adminToken: () => read(ADMIN_KEY),
  setApiToken: (v) => write(API_KEY, v),
  setAdminToken: (v) => write(ADMIN_KEY, v),
};
