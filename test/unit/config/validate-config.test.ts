import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, formatDuration, parseDuration, validateConfig, type ControllerConfig } from '../../../controller/config/index.js';

const GIT = { git: { url: 'https://git.example.com/infra/fleet.git', branch: 'main' } };

/** The config of a document that must be valid. */
function valid(doc: unknown, baseDir?: string): ControllerConfig {
  const result = validateConfig(doc, baseDir === undefined ? {} : { baseDir });
  if (result.errors !== undefined) throw new Error(`expected valid, got:\n${result.errors.join('\n')}`);
  return result.config;
}

/** The errors of a document that must be invalid. */
function errors(doc: unknown, baseDir?: string): string[] {
  const result = validateConfig(doc, baseDir === undefined ? {} : { baseDir });
  if (result.errors === undefined) throw new Error('expected errors, got a valid configuration');
  return result.errors;
}

describe('validateConfig', () => {
  it('accepts a minimal git source and fills every default', () => {
    const config = valid({ source: GIT });
    expect(config).toEqual({
      source: { type: 'git', url: 'https://git.example.com/infra/fleet.git', ref: { branch: 'main' } },
      intervalMs: 60_000,
      ssh: {},
      statusBranch: 'gitvirt/status',
      safety: { maxDeletions: 10, maxUnreachableFraction: 0.5, allowEmpty: false },
      concurrency: 4,
      listen: { host: '127.0.0.1', port: 9464 },
      log: { level: 'info' },
      stateDir: '/var/lib/gitvirt',
    });
    expect(CONFIG_DEFAULTS.listen).toEqual(config.listen);
  });

  it('reads every field', () => {
    const config = valid({
      source: { git: { url: 'https://git.example.com/fleet.git', tag: 'v1.2', tokenFile: 'secrets/token', requireSignedBy: ['ssh-ed25519 AAAA x'] } },
      interval: '1m30s', webhook: { secretFile: '/etc/gitvirt/hook' }, ssh: { identityFile: 'id_ed25519', passphraseFile: 'pass', agentSocket: '/run/agent.sock' },
      statusRepo: 'https://git.example.com/status.git', statusBranch: 'ops/status',
      safety: { maxDeletions: 0, maxUnreachableFraction: 1, allowEmpty: true }, concurrency: 16, listen: ':9100', log: { level: 'debug' }, stateDir: 'state',
    }, '/etc/gitvirt');
    expect(config).toMatchObject({
      source: { type: 'git', ref: { tag: 'v1.2' }, tokenFile: '/etc/gitvirt/secrets/token', requireSignedBy: ['ssh-ed25519 AAAA x'] },
      intervalMs: 90_000, webhook: { secretFile: '/etc/gitvirt/hook' },
      ssh: { identityFile: '/etc/gitvirt/id_ed25519', passphraseFile: '/etc/gitvirt/pass', agentSocket: '/run/agent.sock' },
      statusRepo: 'https://git.example.com/status.git', statusBranch: 'ops/status',
      safety: { maxDeletions: 0, maxUnreachableFraction: 1, allowEmpty: true }, concurrency: 16,
      listen: { host: '0.0.0.0', port: 9100 }, log: { level: 'debug' }, stateDir: '/etc/gitvirt/state',
    });
  });

  it('accepts a local source, watched by default, and pinned commits', () => {
    expect(valid({ source: { local: { dir: '/srv/fleet' } } }).source).toEqual({ type: 'local', dir: '/srv/fleet', watch: true });
    expect(valid({ source: { local: { dir: '/srv/fleet', watch: false } } }).source).toEqual({ type: 'local', dir: '/srv/fleet', watch: false });
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(valid({ source: { git: { url: 'http://127.0.0.1:8080/fleet.git', commit: sha } } }).source).toMatchObject({ ref: { commit: sha } });
  });

  it('turns the HTTP server off with listen: false, and takes IPv6 addresses', () => {
    expect(valid({ source: GIT, listen: false }).listen).toBeNull();
    expect(valid({ source: GIT, listen: '[::1]:9464' }).listen).toEqual({ host: '::1', port: 9464 });
  });

  it('refuses inline secrets, naming the file field to use and never echoing the value', () => {
    const cases: [unknown, string][] = [
      [{ source: { git: { ...GIT.git, token: 'glpat-SECRET1' } } }, 'source.git.token: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set source.git.tokenFile'],
      [{ source: { git: { ...GIT.git, password: 'SECRET1' } } }, 'source.git.password: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set source.git.passwordFile'],
      [{ source: GIT, webhook: { secret: 'SECRET1' } }, 'webhook.secret: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set webhook.secretFile'],
      [{ source: GIT, ssh: { privateKey: '-----BEGIN OPENSSH PRIVATE KEY----- SECRET1' } }, 'ssh.privateKey: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set ssh.identityFile'],
      [{ source: GIT, ssh: { passphrase: 'SECRET1' } }, 'ssh.passphrase: secrets are not allowed in the configuration file; put the value in a file readable only by gitvirt and set ssh.passphraseFile'],
      [{ source: GIT, apiToken: 'SECRET1' }, 'apiToken: secrets are not allowed in the configuration file'],
    ];
    for (const [doc, expected] of cases) {
      const found = errors(doc);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(expected);
      expect(found.join('\n')).not.toContain('SECRET1');
    }
  });

  it('refuses credentials inside repository URLs', () => {
    expect(errors({ source: { git: { url: 'https://oauth2:glpat-SECRET1@git.example.com/fleet.git' } } })).toEqual([
      'source.git.url: must not contain credentials; put the token or password in a file and set source.git.tokenFile or passwordFile',
    ]);
    expect(errors({ source: { git: { url: 'https://git.example.com/fleet.git?private_token=SECRET1' } } })[0]).toMatch(/^source\.git\.url: must not contain credentials/);
    expect(errors({ source: GIT, statusRepo: 'https://u:p@git.example.com/s.git' })[0]).toMatch(/^statusRepo: must not contain credentials/);
  });

  it('reports every problem as `path: message`', () => {
    expect(errors({
      source: { git: { url: 'ftp://x', branch: 'main', tag: 'v1' } }, intervall: '60s', interval: 'soon', concurrency: 0, listen: 'localhost',
      log: { level: 'verbose' }, safety: { maxUnreachableFraction: 1.5, maxDeletions: -1, allowEmpty: 'yes' }, statusBranch: 'bad..name',
    })).toEqual([
      'intervall: unknown field (did you mean "interval"?); allowed: source, interval, webhook, ssh, statusRepo, statusBranch, safety, concurrency, listen, log, stateDir',
      'source.git.url: must be an http(s) URL, got "ftp://x"',
      'source.git: give only one of branch, tag or commit (got branch and tag)',
      'interval: must be a duration such as "60s", "5m" or "1m30s", got "soon"',
      'statusBranch: must be a git branch name, got "bad..name"',
      'safety.maxDeletions: must be a whole number from 0 up, got number -1',
      'safety.maxUnreachableFraction: must be a number from 0 to 1, got number 1.5',
      'safety.allowEmpty: must be true or false, got "yes"',
      'concurrency: must be a whole number from 1 to 256, got number 0',
      'listen: must be "host:port" (e.g. "127.0.0.1:9464", ":9464" for every address) or false, got "localhost"',
      'log.level: must be one of debug, info, warn, error, got "verbose"',
    ]);
  });

  it('needs exactly one source', () => {
    expect(errors({})).toEqual(['source: is required: give source.git (a repository URL) or source.local (a directory)']);
    expect(errors(null)).toEqual(['(root): the configuration is empty; at least source is required']);
    expect(errors('source: x')).toEqual(['(root): must be a mapping, got "source: x"']);
    expect(errors({ source: { git: GIT.git, local: { dir: '/x' } } })).toEqual(['source: give exactly one of source.git or source.local']);
    expect(errors({ source: { git: { branch: 'main' } } })).toEqual(['source.git.url: is required']);
    expect(errors({ source: { local: {} } })).toEqual(['source.local.dir: is required']);
  });

  it('resolves relative paths against the file, and refuses them without one', () => {
    expect(valid({ source: { local: { dir: 'fleet' } } }, '/etc/gitvirt').source).toMatchObject({ dir: '/etc/gitvirt/fleet' });
    expect(errors({ source: { local: { dir: 'fleet' } } })).toEqual(['source.local.dir: must be an absolute path, got "fleet"']);
  });

  it('warns about very short intervals', () => {
    const result = validateConfig({ source: GIT, interval: '2s' });
    if (result.errors !== undefined) throw new Error(result.errors.join('\n'));
    expect(result.config.intervalMs).toBe(2000);
    expect(result.warnings).toEqual(['interval: 2000 ms is short: every cycle connects to every host']);
    expect(errors({ source: GIT, interval: '10ms' })).toEqual(['interval: must be at least 100 ms, got "10ms"']);
  });

  it('needs an identity file for a passphrase file', () => {
    expect(errors({ source: GIT, ssh: { passphraseFile: '/p' } })).toEqual(['ssh.passphraseFile: needs ssh.identityFile']);
  });
});

describe('durations', () => {
  it('parse and format', () => {
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('250ms')).toBe(250);
    for (const bad of ['', '60', 's', '1d', '-1s', '1 s']) expect(parseDuration(bad)).toBeNull();
    expect(formatDuration(3_723_000)).toBe('1h2m3s');
    expect(formatDuration(250)).toBe('250ms');
  });
});
