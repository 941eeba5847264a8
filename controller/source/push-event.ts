import type { WebhookProvider } from './webhook-auth.js';

/** A push reported by a webhook: which ref moved and to which commit. */
export interface PushEvent {
  provider: WebhookProvider;
  ref: string;
  after: string;
}

/** What an event header names: a push to handle, a ping to answer, or something else to ignore. */
export type EventKind = 'push' | 'ping' | 'other';

/** Event header values per provider and what they mean. */
const EVENTS: Record<WebhookProvider, { header: string; kinds: Record<string, EventKind> }> = {
  gitlab: { header: 'x-gitlab-event', kinds: { 'Push Hook': 'push', 'Tag Push Hook': 'push' } },
  github: { header: 'x-github-event', kinds: { push: 'push', ping: 'ping' } },
};

/** The kind of event a request carries, from the provider's event header. */
export function eventKind(provider: WebhookProvider, headers: Record<string, string | string[] | undefined>): EventKind {
  const value = headers[EVENTS[provider].header];
  return typeof value === 'string' ? (EVENTS[provider].kinds[value] ?? 'other') : 'other';
}

const REF = /^refs\/[^\s\x00-\x1f\x7f]{1,1000}$/;
const OID = /^([0-9a-f]{40}|[0-9a-f]{64})$/;

/** The JSON text of a payload: the body itself, or the `payload` field of a form-encoded GitHub delivery. */
function payloadText(body: Buffer, contentType: string | undefined): string | null {
  if ((contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(body.toString('utf8')).get('payload');
  }
  return body.toString('utf8');
}

/** Parses a push payload (GitLab or GitHub); null when it is not JSON or lacks a valid `ref` and `after`. */
export function parsePushEvent(args: { provider: WebhookProvider; body: Buffer; contentType?: string }): PushEvent | null {
  const text = payloadText(args.body, args.contentType);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { ref, after } = value as { ref?: unknown; after?: unknown };
  if (typeof ref !== 'string' || !REF.test(ref) || typeof after !== 'string' || !OID.test(after)) return null;
  return { provider: args.provider, ref, after };
}
