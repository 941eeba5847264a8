import { SourceFetchFailedError, type FetchFailureReason } from './errors.js';

/** Node socket error codes, by the fetch failure they mean. */
const NET_CODES: Record<string, FetchFailureReason> = {
  ECONNREFUSED: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EPIPE: 'unreachable',
  ETIMEDOUT: 'timeout',
  ABORT_ERR: 'aborted',
};

/** isomorphic-git error codes, by the fetch failure they mean. */
const GIT_CODES: Record<string, FetchFailureReason> = {
  SmartHttpError: 'protocol',
  UserCanceledError: 'auth',
  UnknownTransportError: 'protocol',
  UrlParseError: 'protocol',
  EmptyServerResponseError: 'protocol',
  ParseError: 'protocol',
  RemoteCapabilityError: 'protocol',
};

/** HTTP status codes with their own reason. */
const STATUS: Record<number, FetchFailureReason> = { 401: 'auth', 403: 'auth', 404: 'not-found' };

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  data?: { statusCode?: unknown };
}

/** Turns whatever a fetch threw into a SourceFetchFailedError naming the (credential-free) URL. */
export function fetchError(err: unknown, url: string, signal?: AbortSignal): SourceFetchFailedError {
  if (err instanceof SourceFetchFailedError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (signal?.aborted === true || e.name === 'AbortError') return new SourceFetchFailedError({ url, reason: 'aborted' }, { cause: err });
  if (code === 'HttpError' && typeof e.data?.statusCode === 'number') {
    const status = e.data.statusCode;
    return new SourceFetchFailedError({ url, reason: STATUS[status] ?? 'http', status }, { cause: err });
  }
  if (message === 'Request timed out') return new SourceFetchFailedError({ url, reason: 'timeout' }, { cause: err });
  const reason = NET_CODES[code] ?? GIT_CODES[code];
  if (reason !== undefined) return new SourceFetchFailedError({ url, reason, detail: code }, { cause: err });
  return new SourceFetchFailedError({ url, reason: 'unknown', detail: message.slice(0, 300) }, { cause: err });
}
