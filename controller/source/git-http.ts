import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

/** Default idle timeout of one HTTP request to the remote. */
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

/**
 * Wraps an isomorphic-git HTTP client so that every request honours an abort signal and an idle
 * timeout (isomorphic-git's fetch passes neither on its own).
 */
export function httpWithSignal(args: { http: HttpClient; signal?: AbortSignal; timeoutMs: number }): HttpClient {
  const { http, signal, timeoutMs } = args;
  return {
    request(request: GitHttpRequest): Promise<GitHttpResponse> {
      signal?.throwIfAborted();
      const fetchOptions: Record<string, unknown> = { ...(request.fetchOptions as Record<string, unknown> | undefined), timeout: timeoutMs };
      return http.request({ ...request, ...(signal === undefined ? {} : { signal }), fetchOptions });
    },
  };
}

/** Rejects as soon as `signal` aborts, whatever `work` is doing. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
