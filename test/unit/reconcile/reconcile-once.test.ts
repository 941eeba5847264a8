import { describe, expect, it } from 'vitest';
import type { ReconcileEvent } from '../../../controller/reconcile/index.js';
import { recordedEngine } from './recorded.js';

const reconcile = (engine: ReturnType<typeof recordedEngine>, args: { apply: boolean; refuseOnBrake?: boolean; onEvent?: (e: ReconcileEvent) => void; signal?: AbortSignal }) =>
  engine.deps.reconcile!({ dir: 'unused', transport: engine.deps.createTransport!({}), ...args });

describe('reconcileOnce', () => {
  it('observes, plans and applies, reporting each step as events, and releases every connection', async () => {
    const engine = recordedEngine('changes');
    const events: string[] = [];
    const result = await reconcile(engine, { apply: true, onEvent: (e) => events.push(e.type === 'apply' ? `apply ${e.event.type}` : e.type) });
    expect(result.outcome).toBe('applied');
    expect(result.revision).toBe('e2e');
    expect(result.changeSet?.entries.filter((e) => e.result === 'configured')).toHaveLength(11);
    expect(events.slice(0, 4)).toEqual(['observed', 'observed', 'observed', 'planned']);
    expect(events.filter((e) => e === 'apply action-end')).toHaveLength(11);
    expect(engine.connections).toEqual({ opened: 3, closed: 3 });
    expect(Object.keys(result.durations)).toEqual(['read', 'observe', 'plan', 'apply']);
  });

  it('only plans when not asked to apply', async () => {
    const engine = recordedEngine('changes');
    const result = await reconcile(engine, { apply: false });
    expect(result.outcome).toBe('planned');
    expect(result.changeSet).toBeUndefined();
    expect(result.computed?.summary.changes).toBe(true);
    expect(engine.ran).toEqual([]);
  });

  it('under the brake runs what is safe (the loop) or nothing at all (refuseOnBrake)', async () => {
    const loop = recordedEngine('empty');
    const applied = await reconcile(loop, { apply: true });
    expect(applied.outcome).toBe('applied');
    expect(loop.ran.filter((a) => a.destructive)).toEqual([]);
    expect(applied.changeSet?.brake?.code).toBe('EmptyDesiredState');
    expect(applied.changeSet?.entries.filter((e) => e.reason === 'BrakeEngaged')).toHaveLength(6);

    const cli = recordedEngine('empty');
    const refused = await reconcile(cli, { apply: true, refuseOnBrake: true });
    expect(refused).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^the brake is engaged \(EmptyDesiredState\): /) });
    expect(refused.changeSet).toBeUndefined();
    expect(cli.ran).toEqual([]);
  });

  it('is not broken by a progress listener that throws', async () => {
    const result = await reconcile(recordedEngine('converged'), { apply: true, onEvent: () => { throw new Error('listener'); } });
    expect(result.outcome).toBe('applied');
  });

  it('observes nothing once aborted, and so plans every host as unreachable', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = recordedEngine('changes');
    const result = await reconcile(engine, { apply: true, signal: controller.signal });
    expect(Object.values(result.observed).map((o) => o.ok === false && o.code)).toEqual(['ObserveAborted', 'ObserveAborted', 'ObserveAborted']);
    expect(engine.ran).toEqual([]);
    expect(engine.connections.opened).toBe(0);
  });
});
