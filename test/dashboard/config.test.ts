import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { dashboardConfig, isLoopback } from '../../src/dashboard/config.js';
import { presentedToken, tokenMatches } from '../../src/dashboard/auth.js';

describe('dashboard configuration', () => {
  it('binds loopback by default and needs no token there', () => {
    const config = dashboardConfig({ out: 'output' }, {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, token: null, readOnly: false });
  });

  it('refuses any other address without KHABAR_DASHBOARD_TOKEN', () => {
    expect(() => dashboardConfig({ out: 'o', host: '0.0.0.0' }, {})).toThrow(ConfigError);
    expect(() => dashboardConfig({ out: 'o', host: '::' }, {})).toThrow(/KHABAR_DASHBOARD_TOKEN/);
    expect(dashboardConfig({ out: 'o', host: '0.0.0.0' }, { KHABAR_DASHBOARD_TOKEN: 'x'.repeat(16) }).token).toBe('x'.repeat(16));
    expect(() => dashboardConfig({ out: 'o' }, { KHABAR_DASHBOARD_TOKEN: 'short' })).toThrow(/at least 16/);
  });

  it('reads read-only from the flag or the env', () => {
    expect(dashboardConfig({ out: 'o', readOnly: true }, {}).readOnly).toBe(true);
    expect(dashboardConfig({ out: 'o' }, { KHABAR_DASHBOARD_READ_ONLY: '1' }).readOnly).toBe(true);
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.org', '::ffff:10.0.0.1']) expect(isLoopback(host)).toBe(false);
  });

  it('accepts the token as bearer or as the basic-auth password, and nothing else', () => {
    const token = 'a-token-of-sixteen+';
    expect(tokenMatches(token, presentedToken(`Bearer ${token}`))).toBe(true);
    expect(tokenMatches(token, presentedToken(`Basic ${Buffer.from(`ops:${token}`).toString('base64')}`))).toBe(true);
    expect(tokenMatches(token, presentedToken(`Basic ${Buffer.from(`${token}:`).toString('base64')}`))).toBe(false);
    expect(tokenMatches(token, presentedToken('Bearer nope'))).toBe(false);
    expect(tokenMatches(token, presentedToken(undefined))).toBe(false);
  });
});
