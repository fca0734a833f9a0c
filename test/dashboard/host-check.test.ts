import { request } from 'node:http';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardConfig, type DashboardConfig } from '../../src/dashboard/config.js';
import { allowedHosts, hostAllowed, parseHostValue } from '../../src/dashboard/hosts.js';
import { startDashboard, type RunningDashboard } from '../../src/dashboard/server.js';
import { createRedis } from '../../src/pipeline/redis.js';
import { testRedisUrl } from '../helpers/redis.js';
import { quietLogger, tempDir, testSettings } from '../helpers/pipeline.js';

const TOKEN = 'correct-horse-battery-staple';

interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request with the Host header we choose (fetch does not let a caller set it; a rebinding browser does). */
function send(port: number, method: string, path: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('DNS rebinding: the dashboard answers only the names it is known by (real server, real Redis)', () => {
  const settings = testSettings('dashboard-hosts');
  const connection = createRedis(testRedisUrl());
  const outDir = tempDir('dashboard-hosts-out');
  const dashboards: RunningDashboard[] = [];
  let queue: Queue;

  const start = async (overrides: Partial<DashboardConfig>): Promise<RunningDashboard> => {
    const config: DashboardConfig = { host: '127.0.0.1', port: 0, token: null, readOnly: false, outDir, refreshMs: 2_000, ...overrides };
    const dashboard = await startDashboard({ connection, settings, logger: quietLogger, config, queueNames: ['tokenise'] });
    dashboards.push(dashboard);
    return dashboard;
  };

  beforeAll(() => {
    queue = new Queue('tokenise', { connection, prefix: settings.prefix });
  });
  afterAll(async () => {
    await Promise.all(dashboards.map((dashboard) => dashboard.close()));
    await queue.close();
    connection.disconnect();
  });

  it('refuses the probe of issue 24 (a PUT pause under a rebound name, no token, on loopback), and the queue stays running', async () => {
    const { port } = await start({});
    const rebound = { host: `rebind.example:${port}`, origin: `http://rebind.example:${port}` };
    const pause = await send(port, 'PUT', '/queues/api/queues/tokenise/pause', rebound);
    expect(pause.status).toBe(421);
    expect(pause.body).toMatch(/does not answer to the host "rebind\.example:\d+"/);
    expect(await queue.isPaused()).toBe(false);
    // Reads too: job data, the overview, the record pages, the metrics.
    for (const path of ['/queues/api/queues', '/api/overview', '/news', '/metrics', '/healthz', '/']) {
      expect((await send(port, 'GET', path, { host: `rebind.example:${port}` })).status, path).toBe(421);
    }
  });

  it('answers localhost, 127.0.0.1 and [::1] at any port, with or without a trailing dot', async () => {
    const { port } = await start({});
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost', `LOCALHOST.:${port}`, 'localhost:8080']) {
      expect((await send(port, 'GET', '/queues/api/queues', { host })).status, host).toBe(200);
    }
    // A same-site write under a loopback name still works without a token when none is set.
    const local = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };
    expect((await send(port, 'PUT', '/queues/api/queues/tokenise/pause', local)).status).toBe(200);
    expect(await queue.isPaused()).toBe(true);
    expect((await send(port, 'PUT', '/queues/api/queues/tokenise/resume', local)).status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
  });

  it('refuses a foreign name given in an absolute-form request target even when the Host header is loopback', async () => {
    const { port } = await start({});
    const reply = await send(port, 'GET', `http://rebind.example:${port}/queues/api/queues`, { host: `127.0.0.1:${port}` });
    expect(reply.status).toBe(421);
  });

  it('answers the names of KHABAR_DASHBOARD_ALLOWED_HOSTS, and still needs the token for a write once one is set', async () => {
    const config = dashboardConfig({ out: outDir, port: 0 }, { KHABAR_DASHBOARD_ALLOWED_HOSTS: 'news.internal, Proxy.Example:8443', KHABAR_DASHBOARD_TOKEN: TOKEN });
    const { port } = await start(config);
    expect((await send(port, 'GET', '/news', { host: 'news.internal' })).status).toBe(200);
    expect((await send(port, 'GET', '/news', { host: 'proxy.example:8443' })).status).toBe(200);
    expect((await send(port, 'GET', '/news', { host: 'proxy.example:9000' })).status).toBe(421);
    const sameSite = { host: 'news.internal', origin: 'http://news.internal' };
    expect((await send(port, 'PUT', '/queues/api/queues/tokenise/pause', sameSite)).status).toBe(401);
    expect((await send(port, 'PUT', '/queues/api/queues/tokenise/pause', { host: `127.0.0.1:${port}` })).status).toBe(401);
    expect(await queue.isPaused()).toBe(false);
    const withToken = await send(port, 'PUT', '/queues/api/queues/tokenise/resume', { ...sameSite, authorization: `Bearer ${TOKEN}` });
    expect(withToken.status).toBe(200);
  });
});

describe('host allow-list (pure)', () => {
  it('parses Host values and refuses what is not one', () => {
    expect(parseHostValue('Example.ORG:3000')).toEqual({ name: 'example.org', port: 3000 });
    expect(parseHostValue('[::1]:80')).toEqual({ name: '::1', port: 80 });
    for (const bad of ['', 'http://x', 'a/b', 'a b', 'x:99999', 'user@host']) expect(parseHostValue(bad), bad).toBeNull();
  });

  it('allows the bound address, and for a wildcard bind the machine\'s own names, never a stranger', () => {
    expect(hostAllowed('192.0.2.7:3000', allowedHosts('192.0.2.7', []))).toBe(true);
    expect(hostAllowed('rebind.example', allowedHosts('192.0.2.7', []))).toBe(false);
    const wildcard = allowedHosts('0.0.0.0', []);
    expect(hostAllowed('127.0.0.1:3000', wildcard)).toBe(true);
    expect(hostAllowed('rebind.example:3000', wildcard)).toBe(false);
    expect(hostAllowed('0.0.0.0', allowedHosts('::', []))).toBe(false);
  });

  it('refuses a bad KHABAR_DASHBOARD_ALLOWED_HOSTS with a message naming the entry', () => {
    expect(() => dashboardConfig({ out: 'o' }, { KHABAR_DASHBOARD_ALLOWED_HOSTS: 'ok.example,https://bad.example/' })).toThrow(/KHABAR_DASHBOARD_ALLOWED_HOSTS.*"https:\/\/bad\.example\/" is not a host/s);
  });
});
