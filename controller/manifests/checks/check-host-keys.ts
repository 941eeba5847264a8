import type { Diagnostic } from '../../types/diagnostic.js';
import { at, str } from './fields.js';
import { report } from './semantic-context.js';
import type { SemanticContext } from './semantic-context.js';

/** Addresses safe to show inside a suggested shell command. */
const SAFE_ADDRESS = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$/;

/** Every Host must pin its SSH host key: gitvirt never trusts a key on first use. */
export function checkHostKeys(ctx: SemanticContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const host of ctx.all) {
    if (host.kind !== 'Host') continue;
    const spec = at(host.value, 'spec');
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) continue;
    const key = at(spec, 'hostKey');
    if (key !== undefined && (str(key) ?? '').trim() !== '') continue;
    const given = str(at(spec, 'address'));
    const address = given !== undefined && SAFE_ADDRESS.test(given) ? given : '<address>';
    out.push(report(host, key === undefined ? '/spec' : '/spec/hostKey', {
      severity: 'error',
      code: 'host-key-missing',
      message: `Host "${host.name}" has no pinned SSH host key (spec.hostKey)`,
      hint: `run \`ssh-keyscan -t ed25519 ${address}\`, check the key out of band, and paste the line into spec.hostKey`,
    }, true));
  }
  return out;
}
