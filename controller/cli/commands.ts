import type { LazyCommand } from './command.js';

/**
 * Every `gitvirt` command, in help order; each module is loaded only when its command runs, so
 * `gitvirt validate` does not pay for SSH, git and metrics. Adding a command is one entry here:
 * write `controller/cli/<name>.ts` exporting a `Command` and list it below.
 */
export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'validate',
    load: async () => {
      const [{ createValidateCommand }, { readRepo }] = await Promise.all([import('./validate.js'), import('../manifests/index.js')]);
      return createValidateCommand({ readRepo });
    },
  },
  { name: 'plan', load: async () => (await import('./plan.js')).planCommand },
  { name: 'apply', load: async () => (await import('./apply.js')).applyCommand },
  { name: 'run', load: async () => (await import('./run.js')).runCommand },
  { name: 'status', load: async () => (await import('./status.js')).statusCommand },
  { name: 'history', load: async () => (await import('./history.js')).historyCommand },
  { name: 'schemas', load: async () => (await import('./schemas.js')).schemasCommand },
];
