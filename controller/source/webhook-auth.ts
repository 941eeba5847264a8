import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Forges whose push webhooks are understood. */
export type WebhookProvider = 'gitlab' | 'github';

/** Headers that identify each provider's requests. */
const PROVIDER_HEADERS: Record<WebhookProvider, readonly string[]> = {
  gitlab: ['x-gitlab-event', 'x-gitlab-token'],
  github: ['x-github-event', 'x-hub-signature-256'],
};

/** Which forge sent a request, by its headers; null when neither. */
export function detectProvider(headers: IncomingHttpHeaders): WebhookProvider | null {
  for (const [provider, names] of Object.entries(PROVIDER_HEADERS) as [WebhookProvider, readonly string[]][]) {
    if (names.some((name) => headers[name] !== undefined)) return provider;
  }
  return null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Compares two strings in time that does not depend on where they differ (nor on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** GitLab: the `X-Gitlab-Token` header equals the secret. */
export function verifyGitlabToken(headers: IncomingHttpHeaders, secret: string): boolean {
  const token = header(headers, 'x-gitlab-token');
  return token !== undefined && sameSecret(token, secret);
}

/** GitHub: `X-Hub-Signature-256` is `sha256=` and the HMAC-SHA256 of the raw body keyed with the secret. */
export function verifyGithubSignature(headers: IncomingHttpHeaders, body: Buffer, secret: string): boolean {
  const signature = header(headers, 'x-hub-signature-256');
  if (signature === undefined) return false;
  const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return sameSecret(signature.trim().toLowerCase(), expected);
}
