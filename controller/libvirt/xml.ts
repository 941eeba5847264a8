import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LibvirtXmlInvalidError, UnsafeXmlValueError } from './xml-errors.js';

/** An element in the builder's object form: `@_name` keys are attributes, `#text` is text, other keys are children. */
export type XmlElement = { [key: string]: XmlValue };
/** Anything the builder accepts as a child or attribute value. */
export type XmlValue = string | number | XmlElement | XmlElement[] | undefined;

/** A parsed element: attributes under `@_name`, text under `#text`, children always as arrays. */
export type XmlNode = Record<string, unknown>;

/** Characters never written into libvirt XML: C0/C1 controls (including tab and newline), DEL, U+FFFE, U+FFFF. */
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Throws UnsafeXmlValueError when any string in the tree holds a control character. */
export function assertSafeXmlTree(value: XmlValue, path: string): void {
  if (value === undefined || typeof value === 'number') return;
  if (typeof value === 'string') {
    const bad = UNSAFE_CHAR.exec(value);
    if (bad) throw new UnsafeXmlValueError({ path, codePoint: bad[0].codePointAt(0) ?? 0 });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertSafeXmlTree(item, `${path}[${index}]`));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const name = key.startsWith('@_') ? `@${key.slice(2)}` : key;
    assertSafeXmlTree(child, key === '#text' ? path : `${path}/${name}`);
  }
}

/** Renders one root element to an XML string, refusing control characters; values are entity-escaped by the builder. */
export function buildXml(rootName: string, root: XmlElement): string {
  assertSafeXmlTree(root, `/${rootName}`);
  return String(builder.build({ [rootName]: dropUndefined(root) })).trimEnd() + '\n';
}

function dropUndefined(element: XmlElement): XmlElement {
  const out: XmlElement = {};
  for (const [key, value] of Object.entries(element)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.map(dropUndefined);
    else if (typeof value === 'object') out[key] = dropUndefined(value);
    else out[key] = value;
  }
  return out;
}

/** Parses XML text and returns the named root element (an empty node when absent); throws LibvirtXmlInvalidError on text that is not XML. */
export function parseXmlRoot(xml: string, rootName: string, what: string): XmlNode {
  if (typeof xml !== 'string' || xml.trim() === '') {
    throw new LibvirtXmlInvalidError({ what, reason: 'empty document' });
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new LibvirtXmlInvalidError({ what, line: valid.err.line, column: valid.err.col, reason: valid.err.msg });
  }
  const doc = parser.parse(xml) as XmlNode;
  return child(doc, rootName) ?? {};
}

/** The first child element called `name`, if any. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Every child element called `name` (text-only children become `{ '#text': ... }`). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const raw = node?.[name];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': String(item) }));
}

/** An attribute's value, if present. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return value === undefined || value === null ? undefined : String(value);
}

/** An element's trimmed text ('' when it has none). */
export function text(node: XmlNode | undefined): string {
  const value = node?.['#text'];
  return value === undefined || value === null ? '' : String(value).trim();
}

/** Text of the first child called `name`, or undefined when the child is missing or empty. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const found = child(node, name);
  if (found === undefined) return undefined;
  const value = text(found);
  return value === '' ? undefined : value;
}

/** Parses a non-negative decimal integer, or undefined. */
export function toInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}
