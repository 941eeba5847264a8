/** Reduces a thrown value to the `{ code, message }` a change set records. */
import { isGitvirtError } from '../errors/index.js';
import type { ErrorInfo } from '../types/change-set.js';

/** Code recorded for failures that are not a GitvirtError (a bug, or an unexpected library error). */
export const INTERNAL_ERROR = 'InternalError';

/** The GitvirtError's code and message, or `InternalError` with the message of anything else. */
export function errorInfo(error: unknown): ErrorInfo {
  if (isGitvirtError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: INTERNAL_ERROR, message: error.message || error.name };
  return { code: INTERNAL_ERROR, message: String(error) };
}
