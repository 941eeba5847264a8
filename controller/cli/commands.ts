import { readRepo } from '../manifests/index.js';
import type { Command } from './command.js';
import { applyCommand } from './apply.js';
import { historyCommand } from './history.js';
import { planCommand } from './plan.js';
import { runCommand } from './run.js';
import { schemasCommand } from './schemas.js';
import { statusCommand } from './status.js';
import { createValidateCommand } from './validate.js';

/**
 * Every `gitvirt` command, in help order. Adding a command is one entry here: write
 * `controller/cli/<name>.ts` exporting a `Command` and list it below.
 */
export const COMMANDS: readonly Command[] = [
  createValidateCommand({ readRepo }),
  planCommand,
  applyCommand,
  runCommand,
  statusCommand,
  historyCommand,
  schemasCommand,
];
