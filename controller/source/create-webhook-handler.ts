import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidSourceConfigError } from './errors.js';
import { eventKind, parsePushEvent, type PushEvent } from './push-event.js';
import { readBody } from './read-body.js';
import { createTokenBucket } from './token-bucket.js';
import { detectProvider, verifyGithubSignature, verifyGitlabToken, type WebhookProvider } from './webhook-auth.js';

/** How the webhook answered a request. */
export type WebhookResult = 'triggered' | 'pong' | 'ignored' | 'unauthorized' | 'bad-request' | 'too-large' | 'rate-limited' | 'method-not-allowed';

/** HTTP status per result. */
export const WEBHOOK_STATUS: Record<WebhookResult, number> = {
  triggered: 200,
  pong: 200,
  ignored: 202,
  'bad-request': 400,
  unauthorized: 401,
  'method-not-allowed': 405,
  'too-large': 413,
  'rate-limited': 429,
};

/** One answered request, for logs and metrics; never holds the secret or the signature. */
export interface WebhookEvent {
  result: WebhookResult;
  provider: WebhookProvider | null;
  message: string;
  ref?: string;
  after?: string;
}

/** Options of createWebhookHandler. */
export interface WebhookHandlerOptions {
  /** GitLab secret token / GitHub webhook secret (at least 8 characters). */
  secret: string;
  /** Called at once for each accepted push to a followed ref; a throw or rejection is dropped (polling catches up). */
  onPush(event: PushEvent): void | Promise<void>;
  /** Requests allowed per minute (a token bucket: bursts up to this many). Default 60. */
  rateLimit?: { perMinute: number };
  /** Branch whose pushes trigger; with neither branch nor tag, every push does. */
  branch?: string;
  /** Tag whose pushes trigger. */
  tag?: string;
  /** Largest body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  onEvent?(event: WebhookEvent): void;
  now?: () => number;
}

/** Default body size limit: 1 MiB. */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024;

type Answer = Omit<WebhookEvent, 'provider'> & { retryAfterSeconds?: number };

function followedRefs(options: WebhookHandlerOptions): Set<string> | null {
  const refs = [options.branch === undefined ? null : `refs/heads/${options.branch}`, options.tag === undefined ? null : `refs/tags/${options.tag}`];
  const set = new Set(refs.filter((r): r is string => r !== null));
  return set.size === 0 ? null : set;
}

/**
 * A `(req, res)` handler for `POST /webhook` receiving GitLab and GitHub push events: the secret is
 * checked in constant time, bodies over the limit are refused, requests are rate limited, and a push
 * to the followed branch or tag calls `onPush` at once.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { secret } = options;
  if (typeof secret !== 'string' || secret.length < 8) throw new InvalidSourceConfigError({ field: 'webhook.secret', reason: 'must be at least 8 characters' });
  const limit = options.maxBodyBytes ?? DEFAULT_WEBHOOK_BODY_LIMIT;
  const bucket = createTokenBucket({ perMinute: options.rateLimit?.perMinute ?? 60, ...(options.now === undefined ? {} : { now: options.now }) });
  const followed = followedRefs(options);

  const answer = async (req: IncomingMessage, provider: WebhookProvider | null): Promise<Answer> => {
    if (req.method !== 'POST') return { result: 'method-not-allowed', message: 'only POST is allowed' };
    const token = bucket.take();
    if (!token.ok) return { result: 'rate-limited', message: 'too many requests', retryAfterSeconds: token.retryAfterSeconds };
    if (provider === null) return { result: 'unauthorized', message: 'missing webhook secret or signature' };
    if (provider === 'gitlab' && !verifyGitlabToken(req.headers, secret)) return { result: 'unauthorized', message: 'bad or missing webhook token' };
    const read = await readBody(req, limit);
    if (!read.ok) return { result: read.reason === 'too-large' ? 'too-large' : 'bad-request', message: read.reason === 'too-large' ? `body larger than ${limit} bytes` : 'request aborted' };
    if (provider === 'github' && !verifyGithubSignature(req.headers, read.body, secret)) return { result: 'unauthorized', message: 'bad or missing webhook signature' };
    const kind = eventKind(provider, req.headers);
    if (kind === 'ping') return { result: 'pong', message: 'pong' };
    if (kind === 'other') return { result: 'ignored', message: 'not a push event' };
    const push = parsePushEvent({ provider, body: read.body, ...(req.headers['content-type'] === undefined ? {} : { contentType: req.headers['content-type'] }) });
    if (push === null) return { result: 'bad-request', message: 'body is not a push event payload' };
    if (followed !== null && !followed.has(push.ref)) return { result: 'ignored', message: 'ref is not followed', ref: push.ref, after: push.after };
    void Promise.resolve()
      .then(() => options.onPush(push))
      .catch(() => undefined);
    return { result: 'triggered', message: 'sync triggered', ref: push.ref, after: push.after };
  };

  return async (req, res) => {
    const provider = detectProvider(req.headers);
    const { retryAfterSeconds, ...event } = await answer(req, provider);
    const status = WEBHOOK_STATUS[event.result];
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    if (event.result === 'method-not-allowed') headers.Allow = 'POST';
    if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
    if (event.result === 'too-large') headers.Connection = 'close';
    res.writeHead(status, headers);
    res.end(`${JSON.stringify({ result: event.result, message: event.message })}\n`);
    options.onEvent?.({ ...event, provider });
  };
}
