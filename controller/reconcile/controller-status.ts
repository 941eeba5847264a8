/** The controller's status writer over the status module: status branch commit, then the note on the source commit. */
import {
  buildNoteEntry, computeStatus, readStatus, rolloutStateOfSnapshot, writeNote, writeStatus,
  type GitAuthor, type StatusRemote, type StatusSnapshot,
} from '../status/index.js';
import type { CycleReport, StatusWriteResult, StatusWriter } from './loop-types.js';

/** Options of createGitStatusWriter. */
export interface GitStatusWriterArgs {
  /** Local repository (bare or work tree) holding the status branch and notes objects. */
  repoDir: string;
  /** Where the status branch and notes are pushed; without it only local refs move. */
  remote?: StatusRemote;
  branch: string;
  author?: GitAuthor;
  now?: () => Date;
}

/**
 * Writes each cycle as status documents on the status branch (computed from the cycle, with the
 * last written status as `previous` for transition times and the inventory of unreachable hosts)
 * and, when a plan ran, as an entry of the git note on the reconciled source commit. A cycle that
 * read no revision writes nothing.
 */
export function createGitStatusWriter(args: GitStatusWriterArgs): StatusWriter {
  const now = args.now ?? (() => new Date());
  const common = { repoDir: args.repoDir, remote: args.remote, ...(args.author === undefined ? {} : { author: args.author }) };
  let previous: StatusSnapshot | undefined;
  let loaded = false;

  const loadPrevious = async (): Promise<void> => {
    if (loaded) return;
    const read = await readStatus({ repoDir: args.repoDir, branch: args.branch, ...(args.remote === undefined ? {} : { remote: args.remote }) });
    previous = read?.snapshot;
    loaded = true;
  };

  return {
    async resumeRollouts() {
      await loadPrevious();
      return previous === undefined ? undefined : rolloutStateOfSnapshot(previous);
    },
    async write(report: CycleReport): Promise<StatusWriteResult> {
      const result = report.result;
      if (result === undefined) return { commit: null, noted: false };
      await loadPrevious();
      const at = now();
      const snapshot = computeStatus({
        revision: result.revision,
        validation: { diagnostics: result.diagnostics, ...(report.validation === undefined ? {} : { manifests: report.validation.manifests }) },
        ...(result.computed === undefined ? {} : { desired: result.computed.desired, plan: result.computed.plan }),
        observed: result.observed,
        ...(result.changeSet === undefined ? {} : { changeSet: result.changeSet }),
        ...(result.rollouts === undefined ? {} : { rollouts: result.rollouts.clusters }),
        now: at,
        ...(previous === undefined ? {} : { previous }),
      });
      const written = await writeStatus({ ...common, branch: args.branch, snapshot, revision: result.revision, now: at });
      previous = snapshot;
      let noted = false;
      if (result.changeSet !== undefined) {
        const note = await writeNote({ ...common, revision: result.revision, note: buildNoteEntry({ changeSet: result.changeSet, observed: result.observed, now: at }), now: at });
        noted = 'changed' in note && note.changed;
      }
      return { commit: written.changed ? written.commit : null, noted };
    },
  };
}
