/**
 * Scheduler (pure): places VMs on hosts by CPU and memory, honouring pins, zones, label selectors,
 * cordoned hosts and cluster anti-affinity, keeps running VMs where they are, and empties draining
 * hosts one VM per host per cycle.
 */
export { schedule } from './schedule.js';
export { CPU_OVERCOMMIT_RATIO, MEMORY_OVERCOMMIT_RATIO, MAX_REASON_HOSTS } from './constants.js';
export { describeNeed, describeConstraint, vcpus } from './explain-unplaced.js';
export { vmReservation, type ReservationSpec } from './vm-reservation.js';
export type {
  AntiAffinity,
  Capacity,
  DrainReport,
  DrainState,
  Overcommit,
  PlacementConstraint,
  PlacementKind,
  ScheduleInput,
  ScheduleResult,
  SchedulerHost,
  SchedulerVm,
  UnplacedCode,
  UnplacedVm,
} from './types.js';
