/**
 * Status: what gitvirt reports back into git. A pure computeStatus turns one cycle (validation,
 * desired state, observations, plan, change set) into documents — `status/<Kind>/<name>.yaml` with
 * Ready/Reconciling/Stalled conditions, `hosts/<host>.yaml` with the observed inventory — written as
 * deterministic YAML to an orphan status branch only when they change, pushed without force and
 * retried on a race; a git note under `refs/notes/gitvirt` on each reconciled source commit; and the
 * readers behind `gitvirt status`, `gitvirt history` and `gitvirt plan --from-status`.
 */
export { computeStatus, isReady, type StatusInput } from './compute-status.js';
export {
  STATUS_API_VERSION, STATUS_KINDS, CONDITION_TYPES,
  type StatusKind, type ConditionType, type Condition, type IpAddress, type LastError, type ClusterMember, type ClusterRollout, type ResourceStatus,
  type ResourceStatusDoc, type RecordedDomain, type RecordedNetwork, type RecordedInventory, type HostStatus, type HostStatusDoc,
  type StatusSnapshot,
} from './status-types.js';
export { REASON_RULES, REASON_ORDER, reasonRank, type StatusReason, type ReasonRule } from './reasons.js';
export { clusterRollout, rolloutStateOfSnapshot, rolloutVerdict, withRolloutProgress, ROLLOUT_STATUS_REASON } from './cluster-rollout.js';
export { recordInventory, hostStatusOf, liveFromInventory } from './host-status.js';
export { sanitizeLibvirtXml } from './sanitize-xml.js';
export { oneLine, shortRevision, MAX_MESSAGE_LENGTH } from './one-line.js';
export { resourcePath, hostPath, parseStatusPath, parseResourceKey, RESOURCE_DIR, HOST_DIR } from './status-paths.js';
export { renderStatusFiles, parseStatusFiles, toYaml } from './status-yaml.js';
export { summarizeStatus, countStatus, statusCommitMessage, revisionOfMessage, REVISION_TRAILER, type StatusCounts } from './summarize-status.js';
export { writeStatus, DEFAULT_STATUS_BRANCH, DEFAULT_STATUS_AUTHOR, type WriteStatusArgs } from './write-status.js';
export { readStatus, readStatusAt, resolveStatusRef, type StatusRead } from './read-status.js';
export { commitAndPush, DEFAULT_PUSH_ATTEMPTS, type CommitAndPushArgs, type CommitAndPushResult } from './commit-and-push.js';
export { STATUS_REMOTE, isPushConflict, type StatusRemote, type StatusRepo, type StatusFs, type GitAuthor } from './status-git.js';
export { buildNoteEntry, mergeNote, parseNote, NOTES_REF, MAX_NOTE_APPLIES, type GitvirtNote, type NoteEntry, type NoteChange, type NoteHostResult } from './note.js';
export { writeNote, readNote, type WriteNoteArgs, type WriteNoteResult } from './write-note.js';
export { readRecordedInventory, recordedObservations, type ReadRecordedInventoryArgs } from './recorded-inventory.js';
export { openStatusSource, isRemoteRepo, type StatusSource, type OpenStatusSourceArgs } from './open-status-source.js';
export { readHistory, MAX_HISTORY_SCAN, type HistoryEntry } from './read-history.js';
export { planFromStatus, type PlanFromStatusArgs } from './plan-from-status.js';
export { StatusWriteFailedError, StatusPushConflictError, StatusReadFailedError } from './errors.js';
