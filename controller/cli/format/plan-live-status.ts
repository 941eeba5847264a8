import { actionTarget, type ApplyEvent } from '../../apply/index.js';
import type { OutputStream } from '../command.js';
import { printable, type Paint } from './style.js';

/** Where one host is during an apply. */
export type HostPhase = 'waiting' | 'applying' | 'done' | 'failed';

/** The status of one host during an apply. */
export interface HostStatus {
  host: string;
  phase: HostPhase;
  /** Actions run (or skipped) so far, of `total`. */
  done: number;
  total: number;
  /** The action running now, e.g. `domain.define web-1`. */
  current?: string;
  /** Why the host failed. */
  error?: string;
}

/** Applies one apply event to the statuses of the hosts. Pure. */
export function nextStatus(statuses: ReadonlyMap<string, HostStatus>, event: ApplyEvent): Map<string, HostStatus> {
  const next = new Map(statuses);
  const status = next.get(event.host) ?? { host: event.host, phase: 'waiting', done: 0, total: 0 };
  switch (event.type) {
    case 'host-start':
      next.set(event.host, { ...status, phase: 'applying', total: event.actions });
      break;
    case 'action-start':
      next.set(event.host, { ...status, current: `${event.action.kind} ${actionTarget(event.action)}` });
      break;
    case 'action-end': {
      if (event.action === undefined) break;
      const { current: _current, ...rest } = status;
      next.set(event.host, { ...rest, done: status.done + 1 });
      break;
    }
    case 'host-end': {
      const { current: _current, ...rest } = status;
      next.set(event.host, event.result.ok
        ? { ...rest, phase: 'done' }
        : { ...rest, phase: 'failed', error: event.result.error === undefined ? 'failed' : `${event.result.error.code}: ${event.result.error.message}` });
      break;
    }
  }
  return next;
}

/** Widest terminal line the status block writes; longer text is cut so lines never wrap. */
const MAX_WIDTH = 118;

/** The status line of one host: `hv1  applying 3/7  domain.define web-1`. */
export function statusLine(status: HostStatus, hostWidth: number, paint: Paint): string {
  const host = paint('bold', printable(status.host).padEnd(hostWidth));
  const count = `${status.done}/${status.total}`;
  const text = {
    waiting: paint('dim', 'waiting'),
    applying: `${paint('info', 'applying')} ${count}${status.current === undefined ? '' : `  ${printable(status.current)}`}`,
    done: `${paint('ok', 'done')} ${count}`,
    failed: `${paint('error', 'failed')} ${count}  ${printable((status.error ?? '').replace(/\s+/g, ' '))}`,
  }[status.phase];
  return cut(`${host}  ${text}`, MAX_WIDTH);
}

/** A block of status lines, one per host, redrawn in place on a terminal as events arrive. */
export function createLiveStatus(out: OutputStream, hosts: readonly string[], paint: Paint): { onEvent(event: ApplyEvent): void; finish(): void } {
  let statuses = new Map<string, HostStatus>(hosts.map((host) => [host, { host, phase: 'waiting', done: 0, total: 0 }]));
  const width = Math.max(0, ...hosts.map((h) => h.length));
  let drawn = 0;
  const draw = () => {
    const lines = hosts.map((host) => statusLine(statuses.get(host)!, width, paint));
    const up = drawn > 0 ? `\u001b[${drawn}A` : '';
    out.write(`${up}${lines.map((line) => `\r\u001b[2K${line}\n`).join('')}`);
    drawn = lines.length;
  };
  draw();
  return {
    onEvent(event) {
      statuses = nextStatus(statuses, event);
      draw();
    },
    finish() {
      draw();
    },
  };
}

/** Cuts `text` to `width` visible characters (ANSI colour codes do not count). */
function cut(text: string, width: number): string {
  const ansi = /^\u001b\[[0-9;]*m/;
  if (text.replace(/\u001b\[[0-9;]*m/g, '').length <= width) return text;
  let out = '';
  let visible = 0;
  for (let i = 0; i < text.length && visible < width - 1;) {
    const escape = ansi.exec(text.slice(i));
    if (escape !== null) {
      out += escape[0];
      i += escape[0].length;
    } else {
      out += text[i];
      visible += 1;
      i += 1;
    }
  }
  return `${out}…\u001b[0m`;
}
