/**
 * Wires the controller from its configuration: logger, metrics, source (git or local, with the
 * directory watcher), SSH transport, status writer, webhook, and the HTTP server. The secrets are
 * handed in already read; nothing here reads the environment.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import type { ControllerConfig, ControllerSecrets } from '../config/index.js';
import { createLogger, type Logger } from '../log/index.js';
import { createMetrics, startMetricsServer, type ControllerMetrics, type MetricsServer } from '../metrics/index.js';
import { createGitSource, createLocalSource, createTrigger, createWebhookHandler, type Trigger } from '../source/index.js';
import type { StatusRemote } from '../status/index.js';
import { createSshTransport, type Transport } from '../transport/index.js';
import { createGitStatusWriter } from './controller-status.js';
import type { ControllerDeps, LoopSource, StatusWriter } from './loop-types.js';

/** A wired controller, ready for runController; `close` releases everything it opened. */
export interface ControllerRuntime {
  deps: ControllerDeps;
  metrics: ControllerMetrics;
  logger: Logger;
  trigger: Trigger;
  /** The HTTP server, or null when `listen` is off. */
  server: MetricsServer | null;
  close(): Promise<void>;
}

/** Options of startControllerRuntime; the capabilities after `write` replace the real ones in tests. */
export interface StartControllerRuntimeArgs {
  config: ControllerConfig;
  secrets: ControllerSecrets;
  /** Receives each JSON log line. */
  write: (line: string) => void;
  /** Export Node.js process metrics too (default true). */
  processMetrics?: boolean;
  createTransport?: (config: ControllerConfig, secrets: ControllerSecrets) => Transport;
  createStatusWriter?: (args: { config: ControllerConfig; secrets: ControllerSecrets; source: WiredSource }) => Promise<StatusWriter>;
}

/** The source as wired: the loop's view, plus where its commits live. */
export interface WiredSource extends LoopSource {
  /** Local repository to record status in when no remote status repository applies. */
  localRepo: string | null;
  /** Starts watching (local sources with `watch`); resolves to a stop function. */
  watch?(onChange: (paths: string[]) => void): Promise<() => Promise<void>>;
}

/** The configured source. */
function wireSource(config: ControllerConfig, secrets: ControllerSecrets): WiredSource {
  const src = config.source;
  if (src.type === 'git') {
    const source = createGitSource({
      url: src.url, ref: src.ref, dir: join(config.stateDir, 'source'),
      ...(secrets.gitAuth === undefined ? {} : { auth: secrets.gitAuth }),
      ...(src.requireSignedBy === undefined ? {} : { requireSignedBy: src.requireSignedBy }),
    });
    return { sync: (o) => source.sync(o), lastGood: () => source.lastGood(), localRepo: null };
  }
  const source = createLocalSource({ dir: src.dir });
  return {
    sync: (o) => source.sync(o),
    lastGood: () => source.lastGood(),
    localRepo: src.dir,
    ...(src.watch ? { watch: (onChange: (paths: string[]) => void) => source.watch({ onChange }) } : {}),
  };
}

/** The SSH transport with the configured key file (and passphrase) and/or agent. */
function defaultTransport(config: ControllerConfig, secrets: ControllerSecrets): Transport {
  return createSshTransport({
    ...(config.ssh.identityFile === undefined ? {} : { privateKeyPath: config.ssh.identityFile }),
    ...(secrets.sshPassphrase === undefined ? {} : { passphrase: secrets.sshPassphrase }),
    ...(config.ssh.agentSocket === undefined ? {} : { agent: config.ssh.agentSocket }),
  });
}

/** A bare repository under the state directory, created when missing. */
async function stateRepo(dir: string): Promise<string> {
  await nodeFs.promises.mkdir(dir, { recursive: true });
  const initialised = await nodeFs.promises.stat(join(dir, 'HEAD')).then(() => true, () => false);
  if (!initialised) await git.init({ fs: nodeFs, gitdir: dir, bare: true, defaultBranch: 'main' });
  return dir;
}

/** The git repository holding `dir`, or null. */
async function repoRootOf(dir: string): Promise<string | null> {
  return git.findRoot({ fs: nodeFs, filepath: dir }).catch(() => null);
}

/**
 * Status in git: pushed to `statusRepo` (default: the source repository) from a bare repository
 * under the state directory; with a local source and no `statusRepo`, committed to the local
 * repository itself (or to the state directory when the directory is not in a git repository).
 */
async function defaultStatusWriter(args: { config: ControllerConfig; secrets: ControllerSecrets; source: WiredSource }): Promise<StatusWriter> {
  const { config, secrets } = args;
  const url = config.statusRepo ?? (config.source.type === 'git' ? config.source.url : undefined);
  const remote: StatusRemote | undefined = url === undefined ? undefined : { url, ...(secrets.gitAuth === undefined ? {} : { auth: secrets.gitAuth }) };
  const local = remote === undefined && args.source.localRepo !== null ? await repoRootOf(args.source.localRepo) : null;
  const repoDir = local ?? (await stateRepo(join(config.stateDir, 'status.git')));
  return createGitStatusWriter({ repoDir, branch: config.statusBranch, ...(remote === undefined ? {} : { remote }) });
}

/** The webhook's followed ref, from the source. */
function followed(config: ControllerConfig): { branch?: string; tag?: string } {
  if (config.source.type !== 'git') return {};
  const ref = config.source.ref;
  if ('branch' in ref) return { branch: ref.branch };
  if ('tag' in ref) return { tag: ref.tag };
  return {};
}

/** Builds every capability of the controller and starts the HTTP server and the watcher. */
export async function startControllerRuntime(args: StartControllerRuntimeArgs): Promise<ControllerRuntime> {
  const { config, secrets } = args;
  const logger = createLogger({ level: config.log.level, write: args.write });
  const metrics = createMetrics({ intervalMs: config.intervalMs, processMetrics: args.processMetrics ?? true });
  const trigger = createTrigger();
  const source = wireSource(config, secrets);
  const statusWriter = await (args.createStatusWriter ?? defaultStatusWriter)({ config, secrets, source });
  const transport = (args.createTransport ?? defaultTransport)(config, secrets);
  const closers: (() => Promise<void>)[] = [() => transport.close()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    if (source.watch !== undefined) {
      const stop = await source.watch((paths) => {
        logger.info('manifests changed', { files: paths.slice(0, 20), count: paths.length });
        trigger.fire();
      });
      closers.push(stop);
    }
    const webhook = secrets.webhookSecret === undefined ? undefined : createWebhookHandler({
      secret: secrets.webhookSecret,
      ...followed(config),
      onPush: (push) => {
        logger.info('webhook push received', { ref: push.ref, after: push.after });
        trigger.fire();
      },
      onEvent: (event) => {
        metrics.webhookAnswered(event.result);
        if (event.result !== 'triggered') logger.info('webhook request', { result: event.result, provider: event.provider, detail: event.message });
      },
    });
    let server: MetricsServer | null = null;
    if (config.listen !== null) {
      server = await startMetricsServer({ listen: config.listen, metrics, ...(webhook === undefined ? {} : { webhook }) });
      const started = server;
      closers.push(() => started.close());
      logger.info('serving metrics and health', { url: server.url, webhook: webhook !== undefined });
    }
    const deps: ControllerDeps = { source, transport, statusWriter, metrics, logger, trigger };
    return { deps, metrics, logger, trigger, server, close };
  } catch (err) {
    await close();
    throw err;
  }
}
