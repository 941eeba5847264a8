import type { SourceRef } from '../source/index.js';
import { CONFIG_DEFAULTS, MIN_INTERVAL_MS, SHORT_INTERVAL_MS } from './config-defaults.js';
import { ConfigReader, join, type Mapping } from './config-reader.js';
import type { ControllerConfig, GitSourceConfig, ListenAddress, LocalSourceConfig, LogLevel } from './config-types.js';

/** The result of validateConfig: the typed configuration and warnings, or every error found. */
export type ConfigResult = { config: ControllerConfig; warnings: string[]; errors?: never } | { errors: string[]; config?: never };

/** Options of validateConfig. */
export interface ValidateConfigOptions {
  /** Directory relative paths are resolved against; without it they are errors. */
  baseDir?: string;
}

/** Log levels accepted by `log.level`. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

const TOP_KEYS = ['source', 'interval', 'webhook', 'ssh', 'statusRepo', 'statusBranch', 'safety', 'concurrency', 'listen', 'log', 'stateDir'] as const;
const GIT_KEYS = ['url', 'branch', 'tag', 'commit', 'tokenFile', 'usernameFile', 'passwordFile', 'requireSignedBy'] as const;
const REF_KEYS = ['branch', 'tag', 'commit'] as const;
const SECRET_QUERY = /(^|[?&])(private_token|access_token|token|password|secret|key)=/i;
const HTTP_URL = { test: /^https?:\/\/[^\s]+$/, expected: 'an http(s) URL' };
const BRANCH = { test: /^(?!\/|.*(\.\.|\/\/|@\{|\.lock$|\/$))[A-Za-z0-9._\/-]+$/, expected: 'a git branch name' };
const LISTEN = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+|):([0-9]{1,5})$/;

/** Checks a repository URL: http(s), and no credentials in it (user info or a token in the query). */
function repoUrl(r: ConfigReader, path: string, value: unknown): string | undefined {
  const url = r.string(path, value, HTTP_URL);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    r.error(path, 'is not a valid URL');
    return undefined;
  }
  if (parsed.username !== '' || parsed.password !== '' || SECRET_QUERY.test(parsed.search)) {
    r.error(path, 'must not contain credentials; put the token or password in a file and set source.git.tokenFile or passwordFile');
    return undefined;
  }
  return url;
}

function gitSource(r: ConfigReader, map: Mapping): GitSourceConfig | undefined {
  const path = 'source.git';
  const url = repoUrl(r, join(path, 'url'), map['url']);
  if (map['url'] === undefined) r.error(join(path, 'url'), 'is required');
  const refs = REF_KEYS.filter((key) => map[key] !== undefined);
  if (refs.length > 1) r.error(path, `give only one of branch, tag or commit (got ${refs.join(' and ')})`);
  const kind = refs[0] ?? 'branch';
  const raw = map[kind] ?? 'main';
  const name = kind === 'commit'
    ? r.string(join(path, kind), raw, { test: /^[0-9a-f]{40}$/, expected: 'a full 40-hex commit id' })
    : r.string(join(path, kind), raw, BRANCH);
  const tokenFile = r.path(join(path, 'tokenFile'), map['tokenFile']);
  const usernameFile = r.path(join(path, 'usernameFile'), map['usernameFile']);
  const passwordFile = r.path(join(path, 'passwordFile'), map['passwordFile']);
  if (tokenFile !== undefined && passwordFile !== undefined) r.error(path, 'give tokenFile or passwordFile, not both');
  const requireSignedBy = r.strings(join(path, 'requireSignedBy'), map['requireSignedBy']);
  if (url === undefined || name === undefined) return undefined;
  return {
    type: 'git', url, ref: { [kind]: name } as SourceRef,
    ...(tokenFile === undefined ? {} : { tokenFile }),
    ...(usernameFile === undefined ? {} : { usernameFile }),
    ...(passwordFile === undefined ? {} : { passwordFile }),
    ...(requireSignedBy === undefined ? {} : { requireSignedBy }),
  };
}

function localSource(r: ConfigReader, map: Mapping): LocalSourceConfig | undefined {
  const dir = r.path('source.local.dir', map['dir']);
  if (map['dir'] === undefined) r.error('source.local.dir', 'is required');
  const watch = r.boolean('source.local.watch', map['watch']) ?? true;
  return dir === undefined ? undefined : { type: 'local', dir, watch };
}

function source(r: ConfigReader, value: unknown): ControllerConfig['source'] | undefined {
  const map = r.mapping('source', value, ['git', 'local']);
  if (map === undefined) {
    if (value === undefined || value === null) r.error('source', 'is required: give source.git (a repository URL) or source.local (a directory)');
    return undefined;
  }
  const kinds = (['git', 'local'] as const).filter((k) => map[k] !== undefined && map[k] !== null);
  if (kinds.length !== 1) {
    r.error('source', 'give exactly one of source.git or source.local');
    return undefined;
  }
  const kind = kinds[0] as 'git' | 'local';
  const inner = r.mapping(`source.${kind}`, map[kind], kind === 'git' ? GIT_KEYS : ['dir', 'watch']);
  if (inner === undefined) return undefined;
  return kind === 'git' ? gitSource(r, inner) : localSource(r, inner);
}

function listen(r: ConfigReader, value: unknown): ListenAddress | null | undefined {
  if (value === false) return null;
  const text = r.string('listen', value);
  if (text === undefined) return undefined;
  const match = LISTEN.exec(text.trim());
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port < 1 || port > 65535) {
    r.error('listen', `must be "host:port" (e.g. "127.0.0.1:9464", ":9464" for every address) or false, got ${JSON.stringify(text)}`);
    return undefined;
  }
  const host = (match[1] ?? '').replace(/^\[|\]$/g, '');
  return { host: host === '' ? '0.0.0.0' : host, port };
}

/** The parsed listen address, null when turned off, or the default after an error (already reported). */
function listenOrDefault(value: ListenAddress | null | undefined): ListenAddress | null {
  return value === undefined ? CONFIG_DEFAULTS.listen : value;
}

function safety(r: ConfigReader, value: unknown): ControllerConfig['safety'] {
  const map = r.mapping('safety', value, ['maxDeletions', 'maxUnreachableFraction', 'allowEmpty']) ?? {};
  const d = CONFIG_DEFAULTS.safety;
  return {
    maxDeletions: r.integer('safety.maxDeletions', map['maxDeletions'], 0) ?? d.maxDeletions,
    maxUnreachableFraction: r.number('safety.maxUnreachableFraction', map['maxUnreachableFraction'], 0, 1) ?? d.maxUnreachableFraction,
    allowEmpty: r.boolean('safety.allowEmpty', map['allowEmpty']) ?? d.allowEmpty,
  };
}

function ssh(r: ConfigReader, value: unknown): ControllerConfig['ssh'] {
  const map = r.mapping('ssh', value, ['identityFile', 'passphraseFile', 'agentSocket']) ?? {};
  const identityFile = r.path('ssh.identityFile', map['identityFile']);
  const passphraseFile = r.path('ssh.passphraseFile', map['passphraseFile']);
  const agentSocket = r.path('ssh.agentSocket', map['agentSocket']);
  if (passphraseFile !== undefined && map['identityFile'] === undefined) r.error('ssh.passphraseFile', 'needs ssh.identityFile');
  return {
    ...(identityFile === undefined ? {} : { identityFile }),
    ...(passphraseFile === undefined ? {} : { passphraseFile }),
    ...(agentSocket === undefined ? {} : { agentSocket }),
  };
}

/**
 * Validates a parsed configuration document and applies defaults. Never throws: every problem is
 * an error `path: message`; nothing the document says is echoed when it may be a secret.
 */
export function validateConfig(value: unknown, options: ValidateConfigOptions = {}): ConfigResult {
  const r = new ConfigReader(options);
  const top = r.mapping('', value, TOP_KEYS);
  if (top === undefined) {
    if (value === undefined || value === null) r.error('', 'the configuration is empty; at least source is required');
    return { errors: r.errors };
  }
  const src = source(r, top['source']);
  const intervalMs = r.duration('interval', top['interval'], MIN_INTERVAL_MS) ?? CONFIG_DEFAULTS.intervalMs;
  if (intervalMs < SHORT_INTERVAL_MS) r.warn('interval', `${intervalMs} ms is short: every cycle connects to every host`);
  const webhookMap = r.mapping('webhook', top['webhook'], ['secretFile']);
  const secretFile = webhookMap === undefined ? undefined : r.path('webhook.secretFile', webhookMap['secretFile']);
  const statusRepo = top['statusRepo'] === undefined ? undefined : repoUrl(r, 'statusRepo', top['statusRepo']);
  const statusBranch = r.string('statusBranch', top['statusBranch'], BRANCH) ?? CONFIG_DEFAULTS.statusBranch;
  const logMap = r.mapping('log', top['log'], ['level']) ?? {};
  const config: Partial<ControllerConfig> = {
    intervalMs,
    ...(webhookMap === undefined ? {} : { webhook: secretFile === undefined ? {} : { secretFile } }),
    ssh: ssh(r, top['ssh']),
    ...(statusRepo === undefined ? {} : { statusRepo }),
    statusBranch,
    safety: safety(r, top['safety']),
    concurrency: r.integer('concurrency', top['concurrency'], 1, 256) ?? CONFIG_DEFAULTS.concurrency,
    listen: top['listen'] === undefined ? CONFIG_DEFAULTS.listen : listenOrDefault(listen(r, top['listen'])),
    log: { level: r.choice('log.level', logMap['level'], LOG_LEVELS) ?? CONFIG_DEFAULTS.log.level },
    stateDir: r.path('stateDir', top['stateDir']) ?? CONFIG_DEFAULTS.stateDir,
  };
  if (r.errors.length > 0 || src === undefined) return { errors: r.errors.length > 0 ? r.errors : ['source: is required'] };
  return { config: { ...config, source: src } as ControllerConfig, warnings: r.warnings };
}
