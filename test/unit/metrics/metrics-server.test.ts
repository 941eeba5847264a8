import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, MetricsListenFailedError, startMetricsServer, type MetricsServer } from '../../../controller/metrics/index.js';
import { createWebhookHandler } from '../../../controller/source/index.js';
import { appliedResult, reportOf } from '../loop/cycle-fixtures.js';

const servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(webhook?: Parameters<typeof startMetricsServer>[0]['webhook']) {
  const metrics = createMetrics({ intervalMs: 60_000 });
  const server = await startMetricsServer({ listen: { host: '127.0.0.1', port: 0 }, metrics, ...(webhook === undefined ? {} : { webhook }) });
  servers.push(server);
  return { metrics, server };
}

describe('metrics server', () => {
  it('serves /metrics in the Prometheus text format', async () => {
    const { metrics, server } = await start();
    metrics.cycleFinished(reportOf(appliedResult()), Date.now());
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('# TYPE gitvirt_cycles_total counter');
    expect(body).toContain('gitvirt_cycles_total{outcome="converged"} 1');
  });

  it('answers /readyz 503 until a cycle completed, /healthz 200 while the loop is alive', async () => {
    const { metrics, server } = await start();
    let res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('not ok: no cycle completed yet\n');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    metrics.cycleStarted(Date.now());
    metrics.cycleFinished(reportOf(appliedResult()), Date.now());
    res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok: 1 cycle completed\n');
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    const { server } = await start();
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    const post = await fetch(`${server.url}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${server.url}/webhook`, { method: 'POST' })).status).toBe(404);
  });

  it('mounts the webhook handler at POST /webhook', async () => {
    const pushes: string[] = [];
    const secret = 'a-webhook-secret';
    const handler = createWebhookHandler({ secret, branch: 'main', onPush: (push) => void pushes.push(push.after) });
    const { server } = await start(handler);
    const body = JSON.stringify({ ref: 'refs/heads/main', after: 'f'.repeat(40), before: '0'.repeat(40), repository: { name: 'fleet' } });
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const ok = await fetch(`${server.url}/webhook`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': signature },
    });
    expect(ok.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pushes).toEqual(['f'.repeat(40)]);
    const bad = await fetch(`${server.url}/webhook`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': 'sha256=00' },
    });
    expect(bad.status).toBe(401);
    expect(pushes).toHaveLength(1);
  });

  it('fails clearly when the address is taken', async () => {
    const { server } = await start();
    const metrics = createMetrics({ intervalMs: 60_000 });
    await expect(startMetricsServer({ listen: { host: '127.0.0.1', port: server.port }, metrics })).rejects.toBeInstanceOf(MetricsListenFailedError);
  });
});
