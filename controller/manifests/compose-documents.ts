import { Composer, Lexer, LineCounter, Parser } from 'yaml';
import type { Document } from 'yaml';
import { createDepthGuard } from './depth-guard.js';

/** The YAML documents of one file, or the offset where nesting got too deep; with the line starts seen. */
export type ComposedFile =
  | { ok: true; docs: Document.Parsed[]; lineCounter: LineCounter }
  | { ok: false; offset: number; lineCounter: LineCounter };

/** Signals that the depth guard stopped the token stream. */
class TooDeep extends Error {}

/**
 * Lexes, parses and composes every YAML document of a text in one pass, recording line starts for
 * positions. A text whose nesting may exceed `maxDepth` (`depthBound` from `scanTextShape`) goes
 * through a depth guard that stops before the composer can exhaust the stack. Deterministic:
 * composing the same text again gives the same nodes at the same offsets.
 */
export function composeDocuments(options: { text: string; maxDepth: number; depthBound: number }): ComposedFile {
  const { text, maxDepth } = options;
  const lineCounter = new LineCounter();
  const guard = createDepthGuard(maxDepth);
  const parser = new Parser(lineCounter.addNewLine);
  const guarded = function* () {
    lineCounter.addNewLine(0);
    for (const token of new Lexer().lex(text)) {
      if (!guard.next(token)) throw new TooDeep();
      yield* parser.next(token);
    }
    yield* parser.end();
  };
  const tokens = options.depthBound <= maxDepth ? parser.parse(text) : guarded();
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'silent' });
  const docs: Document.Parsed[] = [];
  try {
    for (const doc of composer.compose(tokens, true, text.length)) docs.push(doc);
  } catch (err) {
    if (!(err instanceof TooDeep) && !(err instanceof RangeError)) throw err;
    return { ok: false, offset: guard.exceededAt >= 0 ? guard.exceededAt : 0, lineCounter };
  }
  return { ok: true, docs, lineCounter };
}
