import type { DomainState } from '../types/live.js';
import type { ActionContext } from './action-context.js';
import { explainLibvirtError } from './errors.js';
import { LibvirtCommandError } from './host-client-errors.js';
import { parseDomainState } from './parse-virsh.js';

/** How often a stopping domain's state is polled. */
export const STOP_POLL_MS = 1000;

/** States in which a domain runs guest code, so a graceful ACPI shutdown can work. */
const GRACEFUL_FROM: ReadonlySet<DomainState> = new Set(['running', 'blocked', 'shutdown']);

/** States in which a domain is on (not shut off). */
export const ON_STATES: ReadonlySet<DomainState> = new Set(['running', 'blocked', 'paused', 'shutdown', 'pmsuspended', 'crashed']);

/** How a domain came to be off. */
export type StopResult = 'already-off' | 'graceful' | 'forced';

/** The domain's state, or null when libvirt says it does not exist. */
export async function domainState(ctx: ActionContext, name: string): Promise<DomainState | null> {
  const subject = { operation: 'read state of', kind: 'domain', name };
  const result = await ctx.cmd.virsh(['domstate', '--', name], subject, { allowFailure: true });
  if (result.code === 0) return parseDomainState(result.stdout);
  if (explainLibvirtError(result.stderr, subject).reason === 'DomainNotFound') return null;
  throw new LibvirtCommandError(result.stderr, { ...subject, host: ctx.cmd.host, action: ctx.cmd.action, command: ['virsh', '-c', ctx.cmd.uri, 'domstate', '--', name], exitCode: result.code });
}

/**
 * Brings a domain to shut off: an ACPI shutdown, then its state polled until it is off or
 * `timeoutSeconds` passed, then `destroy`. A paused, crashed or suspended domain is destroyed at once.
 */
export async function stopDomain(ctx: ActionContext, name: string, timeoutSeconds: number, state: DomainState): Promise<StopResult> {
  const { cmd } = ctx;
  const subject = { kind: 'domain', name };
  if (state === 'shutoff') return 'already-off';
  if (GRACEFUL_FROM.has(state)) {
    cmd.progress(`shutting down ${name} (up to ${timeoutSeconds} s)`);
    await cmd.virsh(['shutdown', '--', name], { ...subject, operation: 'shut down' }, { allowFailure: true });
    const deadline = ctx.now() + timeoutSeconds * 1000;
    while (ctx.now() < deadline) {
      const now = await domainState(ctx, name);
      if (now === null || now === 'shutoff') return 'graceful';
      await ctx.sleep(Math.min(STOP_POLL_MS, Math.max(0, deadline - ctx.now())));
    }
    cmd.progress(`${name} still on after ${timeoutSeconds} s; forcing it off`);
  }
  const destroyed = await cmd.virsh(['destroy', '--', name], { ...subject, operation: 'force off' }, { allowFailure: true });
  if (destroyed.code !== 0) {
    const after = await domainState(ctx, name);
    if (after !== null && after !== 'shutoff') {
      throw new LibvirtCommandError(destroyed.stderr, { ...subject, operation: 'force off', host: cmd.host, action: cmd.action, command: ['virsh', '-c', cmd.uri, 'destroy', '--', name], exitCode: destroyed.code });
    }
  }
  return 'forced';
}

/** Starts (or resumes, or wakes) a domain that is not running; returns false when it already ran. */
export async function startDomain(ctx: ActionContext, name: string, state: DomainState): Promise<boolean> {
  const subject = { kind: 'domain', name };
  switch (state) {
    case 'running':
    case 'blocked':
      return false;
    case 'paused':
      await ctx.cmd.virsh(['resume', '--', name], { ...subject, operation: 'resume' });
      return true;
    case 'pmsuspended':
      await ctx.cmd.virsh(['dompmwakeup', '--', name], { ...subject, operation: 'wake up' });
      return true;
    default:
      await ctx.cmd.virsh(['start', '--', name], { ...subject, operation: 'start' });
      return true;
  }
}

/** Message words of a stop. */
export const STOP_WORDS: Readonly<Record<StopResult, string>> = {
  'already-off': 'was already off',
  graceful: 'shut down gracefully',
  forced: 'forced off',
};
