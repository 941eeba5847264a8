import { GitvirtError } from '../errors/gitvirt-error.js';

/** Text handed to a libvirt XML parser is not well-formed XML. */
export class LibvirtXmlInvalidError extends GitvirtError<'LibvirtXmlInvalid', { what: string; line?: number; column?: number; reason: string }> {
  constructor(data: { what: string; line?: number; column?: number; reason: string }) {
    const where = data.line === undefined ? '' : ` at line ${data.line}, column ${data.column ?? 0}`;
    super('LibvirtXmlInvalid', `failed to parse ${data.what} xml: ${data.reason}${where}`, data);
  }
}

/**
 * A value about to be written into libvirt XML holds a control character. Validation refuses such
 * input earlier, so reaching this is an internal error, not a user error.
 */
export class UnsafeXmlValueError extends GitvirtError<'UnsafeXmlValue', { path: string; codePoint: number }> {
  constructor(data: { path: string; codePoint: number }) {
    const hex = data.codePoint.toString(16).padStart(4, '0');
    super('UnsafeXmlValue', `failed to render libvirt xml: value at ${data.path} holds control character U+${hex}`, data);
  }
}
