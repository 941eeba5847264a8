import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote } from '../../../controller/transport/index.js';
import { AWKWARD_ARGS, randomShellString, seededRandom, splitNul } from './awkward-args.js';

/** Runs a command line through a real shell and returns what it printed. */
function throughShell(shell: string, commandLine: string): string {
  return execFileSync(shell, ['-c', commandLine], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes everything else', () => {
    expect(shellQuote('virsh')).toBe('virsh');
    expect(shellQuote('/var/lib/libvirt/images/a.qcow2')).toBe('/var/lib/libvirt/images/a.qcow2');
    expect(shellQuote('--connect')).toBe('--connect');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('a=b')).toBe("'a=b'");
    expect(shellQuote('if')).toBe("'if'");
  });

  it('refuses a NUL byte and an empty argv with UnquotableArgument', () => {
    expect(() => shellQuote('a\0b')).toThrow(expect.objectContaining({ code: 'UnquotableArgument' }));
    expect(() => shellJoin(['printf', 'ok', 'a\0b'])).toThrow(/argument 2 contains a NUL byte/);
    expect(() => shellJoin([])).toThrow(expect.objectContaining({ code: 'UnquotableArgument', data: { reason: 'empty-argv' } }));
  });

  it.each(['sh', 'bash'])('passes awkward arguments through %s byte for byte', (shell) => {
    const out = throughShell(shell, shellJoin(['printf', '%s\\0', ...AWKWARD_ARGS]));
    expect(splitNul(out)).toEqual(AWKWARD_ARGS);
  });

  it('keeps a reserved word or assignment in first position a command name', () => {
    expect(() => throughShell('sh', shellJoin(['a=b']))).toThrow(/a=b: (not found|command not found)/);
    expect(throughShell('sh', `${shellJoin(['if'])} 2>&1 || true`)).toMatch(/if: (not found|command not found)/);
  });

  it.each(['sh', 'bash'])('round-trips 2000 random strings through %s (seeded)', (shell) => {
    const seed = 0x9e3779b9;
    const random = seededRandom(seed);
    const strings = Array.from({ length: 2000 }, () => randomShellString(random));
    // One shell per batch of 250 keeps the command line well under ARG_MAX.
    for (let i = 0; i < strings.length; i += 250) {
      const batch = strings.slice(i, i + 250);
      const out = throughShell(shell, shellJoin(['printf', '%s\\0', ...batch]));
      expect(splitNul(out), `seed ${seed}, batch ${i / 250}`).toEqual(batch);
    }
  });

  it("round-trips each string as $1 of sh -c 'printf %s \"$1\"'", () => {
    const random = seededRandom(42);
    for (let i = 0; i < 20; i += 1) {
      const value = randomShellString(random, 40);
      const out = throughShell('sh', `sh -c 'printf %s "$1"' _ ${shellQuote(value)}`);
      expect(out).toBe(value);
    }
  });
});
