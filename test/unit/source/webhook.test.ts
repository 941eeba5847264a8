import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTokenBucket,
  createWebhookHandler,
  InvalidSourceConfigError,
  type PushEvent,
  type WebhookEvent,
  type WebhookHandlerOptions,
} from '../../../controller/source/index.js';

const SECRET = 'webhook-secret-never-echoed';
const AFTER = 'a'.repeat(40);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server?.closeAllConnections();
  server = undefined;
});

/** Serves a webhook handler on 127.0.0.1; returns a function sending one request to it. */
async function serve(options: Partial<WebhookHandlerOptions> = {}) {
  const pushes: PushEvent[] = [];
  const events: WebhookEvent[] = [];
  const handler = createWebhookHandler({ secret: SECRET, branch: 'main', onPush: (e) => void pushes.push(e), onEvent: (e) => events.push(e), ...options });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const send = (body: string | Buffer, headers: Record<string, string>, extra: { method?: string; chunked?: boolean } = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const data = Buffer.from(body);
      const req = request(
        { host: '127.0.0.1', port, path: '/webhook', method: extra.method ?? 'POST', headers: { ...headers, ...(extra.chunked === true ? {} : { 'Content-Length': String(data.length) }) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      if (extra.chunked === true) {
        for (let i = 0; i < data.length; i += 65536) req.write(data.subarray(i, i + 65536));
        req.end();
      } else req.end(data);
    });
  return { send, pushes, events };
}

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/source/${name}`, import.meta.url), 'utf8');
const pushBody = (ref = 'refs/heads/main', after = AFTER): string => JSON.stringify({ object_kind: 'push', ref, before: '0'.repeat(40), after, commits: [] });
const gitlab = (token = SECRET, event = 'Push Hook'): Record<string, string> => ({ 'Content-Type': 'application/json', 'X-Gitlab-Event': event, 'X-Gitlab-Token': token });
const sign = (body: string, secret = SECRET): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const github = (body: string, event = 'push', secret = SECRET): Record<string, string> => ({
  'Content-Type': 'application/json',
  'X-GitHub-Event': event,
  'X-Hub-Signature-256': sign(body, secret),
});

describe('createWebhookHandler with GitLab', () => {
  it('triggers on a push to the followed branch with the right token', async () => {
    const { send, pushes, events } = await serve();
    const after = 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7';
    const reply = await send(fixture('gitlab-push.json'), gitlab());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ result: 'triggered', message: 'sync triggered' });
    expect(pushes).toEqual([{ provider: 'gitlab', ref: 'refs/heads/main', after }]);
    expect(events).toEqual([{ result: 'triggered', provider: 'gitlab', message: 'sync triggered', ref: 'refs/heads/main', after }]);
  });

  it('refuses a wrong or missing token with 401 and echoes no secret', async () => {
    const { send, pushes, events } = await serve();
    const wrong = await send(pushBody(), gitlab(`${SECRET}x`));
    expect(wrong.status).toBe(401);
    const missing = await send(pushBody(), { 'Content-Type': 'application/json', 'X-Gitlab-Event': 'Push Hook' });
    expect(missing.status).toBe(401);
    const none = await send(pushBody(), { 'Content-Type': 'application/json' });
    expect(none.status).toBe(401);
    expect(pushes).toEqual([]);
    const seen = JSON.stringify([wrong, missing, none, events]);
    expect(seen).not.toContain(SECRET);
  });

  it('ignores a push to another branch and other events with 202', async () => {
    const { send, pushes } = await serve();
    const other = await send(pushBody('refs/heads/feature'), gitlab());
    expect(other.status).toBe(202);
    expect(JSON.parse(other.body)).toMatchObject({ result: 'ignored', message: 'ref is not followed' });
    const mr = await send(JSON.stringify({ object_kind: 'merge_request' }), gitlab(SECRET, 'Merge Request Hook'));
    expect(mr.status).toBe(202);
    expect(pushes).toEqual([]);
  });

  it('follows a tag when told to', async () => {
    const { send, pushes } = await serve({ branch: undefined, tag: 'prod' });
    expect((await send(pushBody('refs/tags/prod'), gitlab(SECRET, 'Tag Push Hook'))).status).toBe(200);
    expect((await send(pushBody('refs/heads/main'), gitlab())).status).toBe(202);
    expect(pushes.map((p) => p.ref)).toEqual(['refs/tags/prod']);
  });

  it.each([
    ['not json', '{"ref":'],
    ['an array', '[1,2]'],
    ['no ref', JSON.stringify({ after: AFTER })],
    ['a bad after', JSON.stringify({ ref: 'refs/heads/main', after: 'zz' })],
    ['a ref outside refs/', JSON.stringify({ ref: 'main', after: AFTER })],
  ])('answers 400 to %s', async (_name, body) => {
    const { send, pushes } = await serve();
    const reply = await send(body, gitlab());
    expect(reply.status).toBe(400);
    expect(pushes).toEqual([]);
  });
});

describe('createWebhookHandler with GitHub', () => {
  it('triggers on a push with a valid HMAC signature', async () => {
    const { send, pushes } = await serve();
    const body = fixture('github-push.json');
    const reply = await send(body, github(body));
    expect(reply.status).toBe(200);
    expect(pushes).toEqual([{ provider: 'github', ref: 'refs/heads/main', after: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c' }]);
  });

  it('accepts a form-encoded delivery', async () => {
    const { send, pushes } = await serve();
    const body = new URLSearchParams({ payload: pushBody() }).toString();
    const reply = await send(body, { ...github(body), 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(200);
    expect(pushes).toHaveLength(1);
  });

  it('answers a signed ping with 200', async () => {
    const { send, pushes } = await serve();
    const body = fixture('github-ping.json');
    const reply = await send(body, github(body, 'ping'));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ result: 'pong' });
    expect(pushes).toEqual([]);
  });

  it('refuses a signature made with another secret, over another body, or missing', async () => {
    const { send, pushes, events } = await serve();
    const body = pushBody();
    expect((await send(body, github(body, 'push', 'another-secret'))).status).toBe(401);
    expect((await send(body, { ...github(body), 'X-Hub-Signature-256': sign(pushBody('refs/heads/main', 'b'.repeat(40))) })).status).toBe(401);
    expect((await send(body, { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push' })).status).toBe(401);
    expect((await send(body, { ...github(body), 'X-Hub-Signature-256': 'sha256=' })).status).toBe(401);
    expect(pushes).toEqual([]);
    expect(JSON.stringify(events)).not.toContain(sign(body));
  });

  it('ignores a push to another branch', async () => {
    const { send, pushes } = await serve();
    const body = pushBody('refs/heads/dev');
    expect((await send(body, github(body))).status).toBe(202);
    expect(pushes).toEqual([]);
  });
});

describe('createWebhookHandler limits', () => {
  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const { send, pushes } = await serve({ maxBodyBytes: 1024 * 1024 });
    const big = JSON.stringify({ ref: 'refs/heads/main', after: AFTER, pad: 'x'.repeat(1024 * 1024) });
    expect((await send(big, gitlab())).status).toBe(413);
    const streamed = await send(big, github(big), { chunked: true });
    expect(streamed.status).toBe(413);
    expect(pushes).toEqual([]);
  });

  it('answers 429 over the rate limit, with Retry-After', async () => {
    const { send, pushes } = await serve({ rateLimit: { perMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(pushBody(), gitlab())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await send(pushBody(), gitlab());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(pushes).toHaveLength(3);
  });

  it('answers 405 to other methods', async () => {
    const { send } = await serve();
    const reply = await send('', {}, { method: 'GET' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('refuses a short secret', () => {
    expect(() => createWebhookHandler({ secret: 'short', onPush: () => undefined })).toThrow(InvalidSourceConfigError);
  });
});

describe('createTokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0;
    const bucket = createTokenBucket({ perMinute: 2, now: () => now });
    expect(bucket.take()).toEqual({ ok: true });
    expect(bucket.take()).toEqual({ ok: true });
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 30 });
    now += 29_000;
    expect(bucket.take().ok).toBe(false);
    now += 1_000;
    expect(bucket.take()).toEqual({ ok: true });
    now += 10 * 60_000;
    expect([bucket.take().ok, bucket.take().ok, bucket.take().ok]).toEqual([true, true, false]);
  });
});
