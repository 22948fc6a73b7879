import { describe, expect, it } from 'vitest';
import { bearerToken, identify } from '../../../server/http/auth.ts';

const api = 'reader-token-0123456789';
const admin = 'admin-token-0123456789';

describe('identify', () => {
  it('lets everyone read when no API token is configured, but only the admin token writes', () => {
    expect(identify({ apiToken: null, adminToken: admin }, null)).toEqual({
      canRead: true,
      isAdmin: false,
      badToken: false,
    });
    expect(identify({ apiToken: null, adminToken: admin }, `Bearer ${admin}`).isAdmin).toBe(true);
    expect(identify({ apiToken: null, adminToken: null }, `Bearer ${admin}`)).toMatchObject({
      isAdmin: false,
      badToken: true,
    });
  });

  it('requires the API token (or the admin token) to read when one is configured', () => {
    const config = { apiToken: api, adminToken: admin };
    expect(identify(config, null).canRead).toBe(false);
    expect(identify(config, 'Bearer wrong-token').canRead).toBe(false);
    expect(identify(config, `Bearer ${api}`)).toEqual({ canRead: true, isAdmin: false, badToken: false });
    expect(identify(config, `bearer ${admin}`)).toEqual({ canRead: true, isAdmin: true, badToken: false });
  });

  it('reads only the Bearer scheme', () => {
    expect(bearerToken(`Basic ${api}`)).toBeNull();
    expect(bearerToken(`Bearer  ${api} `)).toBe(api);
  });
});
