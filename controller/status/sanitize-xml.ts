import { OWNER_NAMESPACE } from '../libvirt/index.js';

/** A comment, CDATA section, processing instruction, or tag (attribute values may hold `>` only quoted). */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Attributes that may carry a credential (`<graphics passwd=...>`). */
const SECRET_ATTRIBUTE = /\s(passwd|password)\s*=\s*("[^"]*"|'[^']*')/gi;

/** An `xmlns` or `xmlns:prefix` attribute declaring gitvirt's owner namespace. */
const OWNER_XMLNS = new RegExp(`\\sxmlns(?::[\\w.-]+)?\\s*=\\s*(["'])${OWNER_NAMESPACE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1`);

/** One top-level child element of `<metadata>`: where it starts and ends, and whether it is gitvirt's. */
interface MetadataChild {
  start: number;
  end: number;
  ours: boolean;
}

/**
 * Libvirt XML as recorded on the status branch: inside the root's `<metadata>`, only elements in
 * gitvirt's owner namespace stay (other tools' metadata is not ours to publish), and attributes that
 * may hold credentials are removed. The rest is kept byte for byte. Pure; text that is not well
 * nested is returned with its whole `<metadata>` content removed.
 */
export function sanitizeLibvirtXml(xml: string): string {
  return stripForeignMetadata(xml).replace(SECRET_ATTRIBUTE, '');
}

/** Removes every child of the root's `<metadata>` element that is not in gitvirt's namespace. */
function stripForeignMetadata(xml: string): string {
  let depth = 0;
  let metadataOpen: { contentStart: number } | undefined;
  let child: { start: number; depth: number; ours: boolean } | undefined;
  const children: MetadataChild[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, name, attributes = '', selfClosing] = match;
    if (name === undefined) continue;
    const at = match.index;
    if (closing === '/') {
      depth -= 1;
      if (child !== undefined && depth === child.depth) {
        children.push({ start: child.start, end: at + token.length, ours: child.ours });
        child = undefined;
      } else if (metadataOpen !== undefined && depth === 1 && name === 'metadata') {
        return rebuild(xml, metadataOpen.contentStart, at, children);
      }
      continue;
    }
    if (depth === 1 && name === 'metadata' && selfClosing !== '/') metadataOpen = { contentStart: at + token.length };
    else if (metadataOpen !== undefined && depth === 2 && child === undefined) {
      const ours = OWNER_XMLNS.test(attributes);
      if (selfClosing === '/') children.push({ start: at, end: at + token.length, ours });
      else child = { start: at, depth: 2, ours };
    }
    if (selfClosing !== '/') depth += 1;
  }
  return xml;
}

/** The XML with the metadata content between `from` and `to` reduced to gitvirt's children. */
function rebuild(xml: string, from: number, to: number, children: readonly MetadataChild[]): string {
  const closed = children.every((c) => c.end <= to);
  const kept = closed ? children.filter((c) => c.ours).map((c) => xml.slice(c.start, c.end)) : [];
  const indent = /\n([ \t]*)<\/metadata>$/.exec(xml.slice(0, to + '</metadata>'.length))?.[1] ?? '';
  const body = kept.length === 0 ? '' : `${kept.map((k) => `\n${indent}  ${k}`).join('')}\n${indent}`;
  return `${xml.slice(0, from)}${body}${xml.slice(to)}`;
}
