/** A HostConnection that answers from a script of replies and records every command (unit tests of decisions only). */
import type { ExecOptions, ExecResult, HostConnection } from '../../../../controller/transport/index.js';

/** One reply: when `match` fits the argv (joined by spaces), answer `result`. */
export interface Reply { match: RegExp; result: Partial<ExecResult> }

/** The connection and the argv of every command it ran. */
export interface ScriptedConnection { connection: HostConnection; calls: string[][]; stdins: string[] }

/** Answers each command with the first reply whose pattern matches; unmatched commands succeed with no output. */
export function scriptedConnection(replies: Reply[] | ((argv: readonly string[]) => Partial<ExecResult>), options: { hang?: boolean } = {}): ScriptedConnection {
  const calls: string[][] = [];
  const stdins: string[] = [];
  const answer = (argv: readonly string[]): ExecResult => {
    const found = typeof replies === 'function' ? replies(argv) : replies.find((r) => r.match.test(argv.join(' ')))?.result ?? {};
    return { stdout: '', stderr: '', code: 0, ...found };
  };
  const run = (argv: readonly string[], execOptions: ExecOptions = {}): Promise<ExecResult> => {
    calls.push([...argv]);
    stdins.push(execOptions.stdin === undefined ? '' : String(execOptions.stdin));
    if (!options.hang) return Promise.resolve(answer(argv));
    return new Promise((_resolve, reject) => {
      execOptions.signal?.addEventListener('abort', () => reject(new Error('aborted by signal')), { once: true });
    });
  };
  return {
    calls,
    stdins,
    connection: {
      exec: run,
      execScript: (script, execOptions) => run(['sh', '-s', script], execOptions),
      writeFile: async (path) => { calls.push(['writeFile', path]); },
      close: async () => undefined,
    },
  };
}

/** The stdout virsh prints for a batch (`echo <marker> <i>; cmd; ...; echo <marker> end`) whose commands all print nothing. */
export function emptyBatchOutput(commandString: string): string {
  return [...commandString.matchAll(/echo (@@gv[0-9a-f]+ (?:\d+|end))/g)].map((m) => m[1]).join('\n') + '\n';
}
