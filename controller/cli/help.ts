import type { Command, OptionSpec } from './command.js';

/** The options column of a help text, aligned. */
function optionLines(options: readonly OptionSpec[]): string[] {
  const all: OptionSpec[] = [...options, { name: 'help', short: 'h', type: 'boolean', description: 'show this help' }];
  const left = all.map((o) => {
    const flag = `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}`;
    return o.type === 'string' ? `${flag} ${o.value ?? '<value>'}` : flag;
  });
  const width = Math.max(...left.map((l) => l.length));
  return all.map((o, i) => {
    const extra = [
      o.choices === undefined ? '' : ` (${o.choices.join('|')})`,
      o.default === undefined ? '' : ` [default: ${o.default}]`,
    ].join('');
    return `  ${(left[i] ?? '').padEnd(width)}  ${o.description}${extra}`;
  });
}

/** The help text of one command: synopsis, description, options. */
export function commandHelp(command: Command): string {
  const lines = [`usage: gitvirt ${command.name} ${command.usage}`.trimEnd(), '', command.summary];
  if (command.description !== undefined) lines.push('', command.description.trimEnd());
  lines.push('', 'options:', ...optionLines(command.options));
  return `${lines.join('\n')}\n`;
}

/** The global help text: synopsis and the list of commands. */
export function globalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: gitvirt <command> [options]',
    '',
    'GitOps controller for libvirt/KVM fleets.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options:',
    '  -h, --help     show help (also: gitvirt <command> --help)',
    '      --version  print the version',
    '',
    'exit codes: 0 ok, 1 invalid or failed, 2 usage error',
    '',
  ].join('\n');
}
