import type { DrainingVm } from '../types/desired.js';
import type { CompileDiagnostics } from './compile-diagnostics.js';
import type { DrainReport } from './scheduler/index.js';
import type { VmUnit } from './vm-unit.js';

/**
 * Turns the scheduler's drain reports into the desired state's `drains`, and warns about VMs that
 * cannot leave a draining host: pinned to it, or with no room elsewhere.
 */
export function reportDrains(reports: readonly DrainReport[], units: ReadonlyMap<string, VmUnit>, diagnostics: CompileDiagnostics): DrainingVm[] {
  return reports.flatMap((report): DrainingVm[] => {
    const unit = units.get(report.vm);
    if (unit === undefined) return [];
    const resource = { kind: unit.origin.kind, name: unit.origin.name };
    if (report.state === 'pinned') {
      diagnostics.add({
        severity: 'warning',
        code: 'pinned-to-draining-host',
        message: `${report.vm} is pinned to host ${report.host}, which is draining, so it stays there`,
        hint: `set placement.host to another host (or use placement.zone/selector) to move it, or stop draining ${report.host}`,
        resource,
        path: `${unit.origin.placementPath}/host`,
      });
    } else if (report.state === 'no-room') {
      diagnostics.add({
        severity: 'warning',
        code: 'drain-blocked',
        message: `${report.vm} ${report.reason}`,
        hint: 'free or add capacity on another host that matches its placement; it stays where it runs until then',
        resource,
        path: unit.origin.placementPath,
      });
    }
    return [{
      vm: report.vm, owner: { ...unit.owner }, host: report.host, state: report.state, reason: report.reason,
      ...(report.to === undefined ? {} : { to: report.to }),
      ...(report.code === undefined ? {} : { code: report.code }),
    }];
  });
}
