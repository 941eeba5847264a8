import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../controller/cli/commands.js';
import { runCli } from '../../../controller/cli/run-cli.js';
import type { CliIo } from '../../../controller/cli/command.js';

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (chunk: string) => { out += chunk; return true; }, isTTY: false },
      stderr: { write: (chunk: string) => { err += chunk; return true; }, isTTY: false },
      cwd: process.cwd(), env: {},
    },
    out: () => out,
    err: () => err,
  };
}

describe('the command table', () => {
  it('names each entry as the command its module loads', async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
  });

  it('lists every command with its summary in the global help', async () => {
    const { io, out } = capture();
    expect(await runCli({ argv: ['--help'], commands: COMMANDS, version: '0', io })).toBe(0);
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(out()).toContain(`${command.name}`);
      expect(out()).toContain(command.summary);
    }
  });

  it('loads a command for its own help, and reports an unknown one with the list', async () => {
    const own = capture();
    expect(await runCli({ argv: ['help', 'plan'], commands: COMMANDS, version: '0', io: own.io })).toBe(0);
    expect(own.out()).toContain('gitvirt plan');
    const unknown = capture();
    expect(await runCli({ argv: ['plna'], commands: COMMANDS, version: '0', io: unknown.io })).toBe(2);
    expect(unknown.err()).toContain("unknown command 'plna'");
    expect(unknown.err()).toContain('validate');
  });
});
