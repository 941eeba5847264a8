import { InvalidSourceConfigError } from './errors.js';

/** A token bucket: `take` succeeds while tokens remain; they refill continuously. */
export interface TokenBucket {
  /** Takes one token; when none is left, says how many seconds until the next one. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number };
}

/** A bucket of `perMinute` tokens (the allowed burst), refilled at `perMinute` per minute. */
export function createTokenBucket(args: { perMinute: number; now?: () => number }): TokenBucket {
  const { perMinute } = args;
  if (!Number.isFinite(perMinute) || perMinute <= 0) throw new InvalidSourceConfigError({ field: 'rateLimit.perMinute', reason: 'must be a positive number' });
  const now = args.now ?? (() => performance.now());
  const perMs = perMinute / 60_000;
  let tokens = perMinute;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(perMinute, tokens + (t - at) * perMs);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
  };
}
