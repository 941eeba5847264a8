import { describe, expect, it } from 'vitest';
import { parseDocuments, validateDocuments, validateSources } from '../../../controller/manifests/index.js';
import type { ParsedDocument } from '../../../controller/types/manifest.js';
import { generateRepo } from './generate-repo.js';

/** CPU time of `fn` in milliseconds (less sensitive than wall time to other processes on the machine). */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('performance', () => {
  it('validates 2,000 manifests in memory quickly', () => {
    const sources = generateRepo(2000);
    validateSources({ sources: sources.slice(0, 80) });
    let documents: ParsedDocument[] = [];
    const parse = cpuMs(() => {
      documents = sources.flatMap((s) => parseDocuments(s).documents);
    });
    let diagnostics = 0;
    const validate = cpuMs(() => {
      diagnostics = validateDocuments({ documents }).diagnostics.length;
    });
    let manifests = 0;
    const total = cpuMs(() => {
      manifests = validateSources({ sources }).manifests.length;
    });
    console.info(`2000 manifests: parse ${parse.toFixed(0)} ms, validate ${validate.toFixed(0)} ms, whole pipeline ${total.toFixed(0)} ms (CPU)`);
    expect(diagnostics).toBe(0);
    expect(manifests).toBe(2000);
    expect(validate).toBeLessThan(1000);
    expect(total).toBeLessThan(5000);
  });

  it('semantic checks scale linearly (no pairwise comparisons)', () => {
    const small = generateRepo(1000).flatMap((s) => parseDocuments(s).documents);
    const large = generateRepo(8000).flatMap((s) => parseDocuments(s).documents);
    validateDocuments({ documents: small });
    const a = cpuMs(() => validateDocuments({ documents: small }));
    const b = cpuMs(() => validateDocuments({ documents: large }));
    expect(b).toBeLessThan(Math.max(a, 5) * 8 * 3);
  });
});
