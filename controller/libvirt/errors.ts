import { GitvirtError } from '../errors/gitvirt-error.js';
import { LIBVIRT_ERROR_RULES, type LibvirtErrorReason } from './error-table.js';

/** What was being done when libvirt failed, for the message. */
export interface LibvirtErrorContext {
  /** Verb, e.g. `start`, `define`, `create`. */
  operation: string;
  /** Object kind, e.g. `domain`, `network`, `volume`. */
  kind?: string;
  name?: string;
  host?: string;
}

/** A libvirt failure in words: reason, likely cause, fix, and libvirt's own text. */
export interface LibvirtErrorExplanation {
  reason: LibvirtErrorReason;
  /** "failed to <operation> <kind> <name>[ on host <host>]: <cause>" */
  message: string;
  cause: string;
  hint: string;
  transient: boolean;
  /** Libvirt's text with `error: ` prefixes removed and lines joined by `; `. */
  original: string;
}

/** Reduces virsh stderr to its meaningful lines. */
export function cleanLibvirtText(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*error:\s*/i, '').trim())
    .filter((line) => line !== '' && line !== '(null)' && line !== '^')
    .join('; ');
}

/** Explains libvirt error text with the first matching row of LIBVIRT_ERROR_RULES, keeping the original text. */
export function explainLibvirtError(stderr: string, context: LibvirtErrorContext): LibvirtErrorExplanation {
  const original = cleanLibvirtText(stderr);
  const target = [context.operation, context.kind, context.name].filter((part) => part !== undefined && part !== '').join(' ');
  const where = context.host === undefined ? '' : ` on host ${context.host}`;
  for (const rule of LIBVIRT_ERROR_RULES) {
    const match = rule.pattern.exec(stderr);
    if (!match) continue;
    const fill = (template: string) => template.replace(/\$1/g, (match[1] ?? '?').trim());
    const cause = fill(rule.cause);
    const hint = fill(rule.hint);
    return {
      reason: rule.reason, cause, hint, transient: rule.transient, original,
      message: `failed to ${target}${where}: ${cause} (${hint}); libvirt said: ${original}`,
    };
  }
  return {
    reason: 'Unknown', cause: original || 'libvirt gave no error text', hint: 'see the libvirt message', transient: false, original,
    message: `failed to ${target}${where}: ${original || 'libvirt gave no error text'}`,
  };
}

/** A libvirt operation failed; `data` carries the explanation and libvirt's original text. */
export class LibvirtOperationError extends GitvirtError<'LibvirtOperationFailed', LibvirtErrorContext & Omit<LibvirtErrorExplanation, 'message'>> {
  constructor(stderr: string, context: LibvirtErrorContext, options: { cause?: unknown } = {}) {
    const { message, ...explanation } = explainLibvirtError(stderr, context);
    super('LibvirtOperationFailed', message, { ...context, ...explanation }, options);
  }
}
