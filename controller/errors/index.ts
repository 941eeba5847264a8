/** Errors: one class per failure, each with a literal `code` and structured `data`. */
export { GitvirtError, isGitvirtError } from './gitvirt-error.js';
