import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../controller/cli/command.js';
import type { Command } from '../../../controller/cli/command.js';
import { choiceOption, positionals, stringOption } from '../../../controller/cli/options.js';
import { runCli } from '../../../controller/cli/run-cli.js';
import { GitvirtError } from '../../../controller/errors/index.js';
import { captureIo } from './capture-io.js';

interface EchoOptions {
  words: readonly string[];
  mode: 'loud' | 'quiet';
  fail?: string;
}

/** A command that echoes its words, or throws the error named by --fail. */
const echo: Command<EchoOptions> = {
  name: 'echo',
  summary: 'print words',
  usage: '[options] [word...]',
  options: [
    { name: 'mode', type: 'string', value: '<mode>', description: 'how', choices: ['loud', 'quiet'], default: 'quiet' },
    { name: 'fail', type: 'string', value: '<kind>', description: 'throw' },
  ],
  parse(args) {
    const fail = stringOption(args, 'fail');
    return { words: positionals(args, 3), mode: choiceOption(args, 'mode', ['loud', 'quiet'] as const, 'quiet'), ...(fail === undefined ? {} : { fail }) };
  },
  async run(o, io) {
    if (o.fail === 'user') throw new GitvirtError('RepoUnreadable', 'failed to read repo: permission denied\nsecond line', {}, { userError: true });
    if (o.fail === 'internal') throw new TypeError('cannot read properties of undefined');
    const text = o.words.join(' ');
    io.stdout.write(`${o.mode === 'loud' ? text.toUpperCase() : text}\n`);
    return EXIT.ok;
  },
};

/** Runs the CLI with the echo command. */
async function cli(...argv: string[]) {
  const io = captureIo('/');
  const code = await runCli({ argv, commands: [echo as Command], version: '1.2.3', io });
  return { code, out: io.out(), err: io.err() };
}

describe('runCli', () => {
  it('dispatches to the command with typed options', async () => {
    expect(await cli('echo', '--mode', 'loud', 'a', 'b')).toEqual({ code: 0, out: 'A B\n', err: '' });
    expect((await cli('echo', '--mode=quiet', '--', '--not-a-flag')).out).toBe('--not-a-flag\n');
  });

  it('prints global help on stdout with --help, -h and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('usage: gitvirt <command>');
      expect(r.out).toMatch(/echo\s+print words/);
    }
  });

  it('prints command help with --help, -h and help <command>', async () => {
    for (const argv of [['echo', '--help'], ['echo', '-h', '--mode', 'nonsense'], ['help', 'echo']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('usage: gitvirt echo [options] [word...]');
      expect(r.out).toMatch(/--mode <mode>\s+how \(loud\|quiet\) \[default: quiet\]/);
    }
  });

  it('prints the version', async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: 'gitvirt 1.2.3\n', err: '' });
  });

  it.each([
    [[], /usage: gitvirt <command>/],
    [['frobnicate'], /gitvirt: unknown command 'frobnicate'/],
    [['--frob'], /gitvirt: unknown option '--frob'/],
    [['help', 'frobnicate'], /unknown command 'frobnicate'/],
    [['echo', '--loud'], /gitvirt: unknown option '--loud'/],
    [['echo', '--mode'], /gitvirt: option '--mode <value>' argument missing/],
    [['echo', '--mode', 'shouty'], /gitvirt: invalid value 'shouty' for --mode: expected one of loud, quiet/],
    [['echo', 'a', 'b', 'c', 'd'], /gitvirt: unexpected argument 'd'/],
  ])('exits 2 with usage on stderr for %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain('usage: gitvirt');
  });

  it('prints one line for a user error and exits 1', async () => {
    const r = await cli('echo', '--fail', 'user');
    expect(r).toEqual({ code: 1, out: '', err: 'gitvirt echo: failed to read repo: permission denied\n' });
  });

  it('prints the stack for an internal error and exits 1', async () => {
    const r = await cli('echo', '--fail', 'internal');
    expect(r.code).toBe(1);
    expect(r.err).toContain('gitvirt echo: internal error\nTypeError: cannot read properties of undefined\n    at ');
  });
});
