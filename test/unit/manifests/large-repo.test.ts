import { describe, expect, it } from 'vitest';
import { validateSources } from '../../../controller/manifests/index.js';
import { generateRepo } from './generate-repo.js';

describe('a large repository', () => {
  it('validates 2,000 generated manifests without a finding, and still locates their fields', () => {
    const sources = generateRepo(2000);
    const result = validateSources({ sources });
    expect(result.diagnostics).toEqual([]);
    expect(result.manifests).toHaveLength(2000);
    const last = result.manifests[result.manifests.length - 1];
    expect(last?.source).toEqual({ file: 'm/1999.yaml', line: 1, column: 1, index: 0 });
    expect(last?.locate('/spec/interfaces/0/ip')).toEqual({ file: 'm/1999.yaml', line: 16, column: 11 });
  });
});
