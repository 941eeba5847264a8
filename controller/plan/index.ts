/**
 * Plan (pure): turns desired state, live state and their diff into ordered actions per host, under
 * the safety policy — only owned objects change, deletion protection, a deletion cap, and a brake.
 * A VM that moves between hosts becomes one `domain.migrate` on its new host (cold migration).
 */
export { buildPlan, planHost, type BuildPlanInput } from './build-plan.js';
export { CONVERGE_ORDER, PRUNE_ORDER, orderActions } from './action-order.js';
export { checkBrake, holdDestructive, DEFAULT_SAFETY_POLICY, type SafetyPolicy } from './safety.js';
export { LIVE_FIELD_RULES } from './live-field-actions.js';
export { dhcpHostDelta } from './plan-network.js';
export { summarizePlan, type PlanSummary } from './summarize-plan.js';
export { findMoves, NO_MOVES, type HostMoves, type Move } from './find-moves.js';
export { applyMoves, migrateAction } from './plan-migration.js';
