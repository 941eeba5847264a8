import { describe, expect, it } from 'vitest';
import { createIgnoreMatcher } from '../../../controller/manifests/index.js';

describe('createIgnoreMatcher', () => {
  const cases: [string, string, boolean, boolean][] = [
    // rules, path, isDirectory, ignored
    ['*.bak.yaml', 'a/b/x.bak.yaml', false, true],
    ['*.bak.yaml', 'x.yaml', false, false],
    ['vendor/', 'vendor', true, true],
    ['vendor/', 'vendor', false, false],
    ['vendor/', 'a/vendor/x.yaml', false, true],
    ['/vendor', 'a/vendor/x.yaml', false, false],
    ['/vendor', 'vendor/x.yaml', false, true],
    ['docs/*.yaml', 'docs/a.yaml', false, true],
    ['docs/*.yaml', 'docs/sub/a.yaml', false, false],
    ['docs/*.yaml', 'x/docs/a.yaml', false, false],
    ['docs/**/*.yaml', 'docs/a.yaml', false, true],
    ['docs/**/*.yaml', 'docs/x/y/a.yaml', false, true],
    ['**/tmp', 'a/b/tmp', true, true],
    ['tmp/**', 'tmp/a/b.yaml', false, true],
    ['v?.yaml', 'v1.yaml', false, true],
    ['v?.yaml', 'v10.yaml', false, false],
    ['v[0-9].yaml', 'v7.yaml', false, true],
    ['v[!0-9].yaml', 'v7.yaml', false, false],
    ['*\n!keep.yaml', 'keep.yaml', false, false],
    ['*\n!keep.yaml', 'other.yaml', false, true],
    ['drafts/\n!drafts/keep.yaml', 'drafts/keep.yaml', false, true],
    ['drafts/*\n!drafts/keep.yaml', 'drafts/keep.yaml', false, false],
    ['# comment\n\n  \n', 'comment', false, false],
    ['\\#hash.yaml', '#hash.yaml', false, true],
    ['\\!bang.yaml', '!bang.yaml', false, true],
    ['a.yaml   ', 'a.yaml', false, true],
    ['a+b(c).yaml', 'a+b(c).yaml', false, true],
    ['a+b(c).yaml', 'aab(c).yaml', false, false],
  ];
  it.each(cases)('rules %j: %s (dir=%s) ignored=%s', (rules, path, dir, ignored) => {
    expect(createIgnoreMatcher(rules).ignores(path, dir)).toBe(ignored);
  });

  it('skips lines it cannot compile and says which', () => {
    const matcher = createIgnoreMatcher('ok.yaml\n[z-a].yaml\n');
    expect(matcher.invalidLines).toEqual([2]);
    expect(matcher.ignores('ok.yaml', false)).toBe(true);
  });
});
