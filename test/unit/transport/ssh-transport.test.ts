import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSshTransport,
  fingerprint,
  parseHostKeyPin,
  shellJoin,
  type SshTransport,
  type SshTransportOptions,
  type RawHostConnection,
  type TransportTarget,
} from '../../../controller/transport/index.js';
import { AWKWARD_ARGS, randomShellString, seededRandom, splitNul } from './awkward-args.js';
import { freePort, startSshd, type TestSshd } from './test-sshd.js';

const run = promisify(execFile);

let sshd: TestSshd;
let target: TransportTarget;
const transports: SshTransport[] = [];

/** A transport with the test client key, closed after the test. */
function transport(options: Partial<SshTransportOptions> = {}): SshTransport {
  const t = createSshTransport({ privateKey: sshd.clientKey, connectTimeoutMs: 5000, keepaliveIntervalMs: 1000, commandTimeoutMs: 10_000, ...options });
  transports.push(t);
  return t;
}

let sharedTransport: SshTransport | undefined;

/** One connection shared by the tests that do not look at connection state (saves a handshake each). */
async function shared(): Promise<RawHostConnection> {
  sharedTransport ??= createSshTransport({ privateKey: sshd.clientKey, connectTimeoutMs: 5000, keepaliveIntervalMs: 1000, commandTimeoutMs: 10_000 });
  return sharedTransport.connect(target);
}

/** The sshd process serving a connection. */
async function sessionOf(conn: RawHostConnection): Promise<number> {
  const script = 'p=$$; while [ "$p" -gt 1 ]; do echo "$p"; p=$(ps -o ppid= -p "$p" | tr -d " "); done';
  const ancestors = (await conn.exec(['sh', '-c', script])).stdout.split('\n').filter(Boolean).map(Number);
  return sshd.sessionOf(ancestors);
}

/** True while a process exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The fingerprint ssh-keygen prints for a public key file. */
async function keygenFingerprint(pubPath: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubPath]);
  return stdout.split(' ')[1] as string;
}

/** Polls until `check` holds or `ms` pass. */
async function eventually(check: () => Promise<boolean>, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** True while a process whose command line is exactly `cmdline` runs. */
async function running(cmdline: string): Promise<boolean> {
  try {
    await run('pgrep', ['-x', '-f', cmdline]);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  sshd = await startSshd();
  target = { name: 'hv-test', address: '127.0.0.1', port: sshd.port, user: 'root', hostKey: sshd.hostKeyEd25519 };
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
});
afterAll(async () => {
  await sharedTransport?.close();
  await sshd?.stop();
});

describe('ssh transport: commands', () => {
  it('passes awkward argv through exactly', async () => {
    const conn = await shared();
    const result = await conn.exec(['printf', '%s\\0', ...AWKWARD_ARGS]);
    expect(result.code).toBe(0);
    expect(splitNul(result.stdout)).toEqual(AWKWARD_ARGS);
    const random = seededRandom(7);
    const strings = Array.from({ length: 300 }, () => randomShellString(random));
    expect(splitNul((await conn.exec(['printf', '%s\\0', ...strings])).stdout)).toEqual(strings);
  });

  it('returns exit codes and stderr, and does not throw on failure', async () => {
    const conn = await shared();
    expect(await conn.exec(['sh', '-c', 'echo out; echo "err $1" >&2; exit 3', 'sh', 'x y'])).toEqual({ stdout: 'out\n', stderr: 'err x y\n', code: 3 });
    expect((await conn.exec(['false'])).code).toBe(1);
    const missing = await conn.exec(['gitvirt-no-such-command']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/gitvirt-no-such-command/);
  });

  it('feeds stdin and closes it when none is given', async () => {
    const conn = await shared();
    expect((await conn.exec(['cat'], { stdin: 'hello\nwörld' })).stdout).toBe('hello\nwörld');
    expect(await conn.exec(['cat'])).toEqual({ stdout: '', stderr: '', code: 0 });
    const binary = randomBytes(512 * 1024);
    const echoed = await conn.execRaw(['cat'], { stdin: binary });
    expect(echoed.stdout.equals(binary)).toBe(true);
  });

  it('returns a 10 MB output intact', async () => {
    const conn = await shared();
    const result = await conn.exec(['sh', '-c', 'yes 0123456789abcde | head -c 10485760']);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(10 * 1024 * 1024);
    expect(createHash('sha256').update(result.stdout).digest('hex')).toBe(
      createHash('sha256').update('0123456789abcde\n'.repeat(10485760 / 16)).digest('hex'),
    );
  });

  it('runs a script through sh -s', async () => {
    const conn = await shared();
    const script = 'set -e\nx="a b"\nprintf "%s|" "$x" $x\necho\nexit 4\n';
    expect(await conn.execScript(script)).toEqual({ stdout: 'a b|a|b|\n', stderr: '', code: 4 });
  });

  it('kills a command that runs past its timeout', async () => {
    const conn = await shared();
    const started = Date.now();
    const error = await conn.exec(['sleep', '30.25'], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toMatchObject({ code: 'CommandTimeout', data: { host: 'hv-test', command: 'sleep', timeoutMs: 300 } });
    expect((error as Error).message).toBe('failed to run sleep on hv-test: timed out after 300 ms, killed');
    expect(await eventually(async () => !(await running('sleep 30.25')))).toBe(true);
    expect((await conn.exec(['echo', 'still usable'])).stdout).toBe('still usable\n');
  });

  it('kills everything a timed-out command started, not only its shell', async () => {
    const conn = await shared();
    await expect(conn.exec(['sh', '-c', 'sleep 30.125; echo never'], { timeoutMs: 300 })).rejects.toMatchObject({ code: 'CommandTimeout' });
    expect(await eventually(async () => !(await running('sleep 30.125')))).toBe(true);
  });

  it('uses the transport command timeout by default', async () => {
    const conn = await transport({ commandTimeoutMs: 200 }).connect(target);
    await expect(conn.exec(['sleep', '30.75'])).rejects.toMatchObject({ code: 'CommandTimeout' });
  });

  it('kills a command when its AbortSignal aborts', async () => {
    const conn = await shared();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(conn.exec(['sleep', '30.5'], { signal: controller.signal })).rejects.toMatchObject({ code: 'CommandAborted' });
    expect(await eventually(async () => !(await running('sleep 30.5')))).toBe(true);
    await expect(conn.exec(['true'], { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CommandAborted' });
  });

  it('refuses a NUL byte in argv before sending anything', async () => {
    const conn = await shared();
    await expect(conn.exec(['echo', 'a\0b'])).rejects.toMatchObject({ code: 'UnquotableArgument', data: { index: 1 } });
  });
});

describe('ssh transport: the connection pool', () => {
  it('shares one TCP connection among concurrent commands and handles', async () => {
    const t = transport();
    const sessionsBefore = (await sshd.sessionPids()).length;
    const [a, b] = await Promise.all([t.connect(target), t.connect(target)]);
    const runs = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a! : b!).exec(['sh', '-c', 'sleep 0.1; echo "$SSH_CONNECTION"']));
    await new Promise((r) => setTimeout(r, 50));
    const during = t.stats()[0]!;
    expect(during.channels).toBe(8);
    expect(during.queued).toBe(16);
    const results = await Promise.all(runs);
    expect(new Set(results.map((r) => r.stdout)).size).toBe(1);
    expect(await sshd.sessionPids()).toHaveLength(sessionsBefore + 1);
    expect(t.stats()).toEqual([{ host: 'hv-test', connected: true, connects: 1, channels: 0, queued: 0, handles: 2 }]);
  });

  it('fails an in-flight command when the server drops the connection, then reconnects', async () => {
    const t = transport();
    const conn = await t.connect(target);
    const before = (await conn.exec(['sh', '-c', 'echo "$SSH_CONNECTION"'])).stdout;
    const session = await sessionOf(conn);
    const inFlight = conn.exec(['sleep', '5']).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 150));
    process.kill(session, 'SIGKILL');
    const error = await inFlight;
    expect(error).toMatchObject({ code: 'ConnectionLost', data: { host: 'hv-test', command: 'sleep' } });
    expect((error as Error).message).toMatch(/^failed to run sleep on hv-test: connection closed.* while the command ran; .*the next call reconnects$/);
    const after = (await conn.exec(['sh', '-c', 'echo "$SSH_CONNECTION"'])).stdout;
    expect(after).not.toBe(before);
    expect(t.stats()[0]).toMatchObject({ connected: true, connects: 2 });
  });

  it('notices a host that stops answering through keep-alive', async () => {
    const t = transport({ keepaliveIntervalMs: 150 });
    const conn = await t.connect(target);
    const session = await sessionOf(conn);
    process.kill(session, 'SIGSTOP');
    try {
      const started = Date.now();
      const error = await conn.exec(['sleep', '3']).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(error).toMatchObject({ code: 'ConnectionLost' });
      expect((error as Error).message).toContain('keepalive timeout');
    } finally {
      // SIGKILL ends a stopped process too; it may be reaped before the SIGCONT, which then has no one to reach
      process.kill(session, 'SIGKILL');
      try {
        process.kill(session, 'SIGCONT');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    }
    expect((await conn.exec(['echo', 'back'])).stdout).toBe('back\n');
  });

  it('opens a new connection when a host target changes, keeping old handles on the old one', async () => {
    const t = transport();
    const old = await t.connect(target);
    const renewed = await t.connect({ ...target, hostKey: sshd.hostKeyEcdsa });
    const where = async (c: typeof old): Promise<string> => (await c.exec(['sh', '-c', 'echo "$SSH_CONNECTION"'])).stdout;
    const [a, b] = await Promise.all([where(old), where(renewed)]);
    expect(a).not.toBe(b);
    expect(await where(old)).toBe(a);
    const oldSession = await sessionOf(old);
    const newSession = await sessionOf(renewed);
    await old.close();
    expect(await eventually(async () => !alive(oldSession))).toBe(true);
    expect(alive(newSession)).toBe(true);
    expect(t.stats()).toMatchObject([{ host: 'hv-test', connected: true, handles: 1 }]);
  });

  it('closes the least recently used idle connection beyond maxConnections', async () => {
    const t = transport({ maxConnections: 1 });
    const one = await t.connect({ ...target, name: 'hv-one' });
    const first = await sessionOf(one);
    const two = await t.connect({ ...target, name: 'hv-two' });
    expect((await two.exec(['echo', '2'])).stdout).toBe('2\n');
    expect(t.stats().map((s) => [s.host, s.connected])).toEqual([['hv-one', false], ['hv-two', true]]);
    expect(await eventually(async () => !alive(first))).toBe(true);
    expect((await one.exec(['echo', '1'])).stdout).toBe('1\n');
    expect(t.stats().map((s) => [s.host, s.connected])).toEqual([['hv-one', true], ['hv-two', false]]);
  });

  it('refuses calls after close', async () => {
    const t = transport();
    const conn = await t.connect(target);
    await conn.close();
    await expect(conn.exec(['true'])).rejects.toMatchObject({ code: 'TransportClosed', data: { host: 'hv-test' } });
    const other = await t.connect(target);
    const session = await sessionOf(other);
    await t.close();
    await expect(other.exec(['true'])).rejects.toMatchObject({ code: 'TransportClosed' });
    await expect(t.connect(target)).rejects.toMatchObject({ code: 'TransportClosed' });
    expect(await eventually(async () => !alive(session))).toBe(true);
  });
});

describe('ssh transport: host keys', () => {
  it('refuses a host that presents another key, naming both fingerprints and the fix', async () => {
    const error = await transport().connect({ ...target, hostKey: sshd.foreignHostKey }).catch((e: unknown) => e);
    const expected = await keygenFingerprint(join(sshd.dir, 'foreign_host.pub'));
    const presented = await keygenFingerprint(join(sshd.dir, 'host_ed25519.pub'));
    expect(error).toMatchObject({ code: 'HostKeyMismatch', data: { host: 'hv-test', address: '127.0.0.1', port: sshd.port, expected, presented, presentedType: 'ssh-ed25519' } });
    const message = (error as Error).message;
    expect(message).toContain(`failed to connect to hv-test (127.0.0.1:${sshd.port}): host key mismatch`);
    expect(message).toContain(`expected ${expected}`);
    expect(message).toContain(`ssh-ed25519 key ${presented}`);
    expect(message).toContain(`ssh-keyscan -t ed25519 -p ${sshd.port} 127.0.0.1 | ssh-keygen -lf -`);
    expect(message).toContain('spec.hostKey');
  });

  it('accepts a fingerprint pin and refuses a wrong one', async () => {
    const printed = await keygenFingerprint(join(sshd.dir, 'host_ed25519.pub'));
    const conn = await transport().connect({ ...target, hostKey: printed });
    expect((await conn.exec(['echo', 'ok'])).stdout).toBe('ok\n');
    const wrong = fingerprint(Buffer.from('not the key'));
    await expect(transport().connect({ ...target, hostKey: wrong })).rejects.toMatchObject({ code: 'HostKeyMismatch', data: { expected: wrong, presented: printed } });
  });

  it('asks for the pinned key type when the host has several keys', async () => {
    const conn = await transport().connect({ ...target, hostKey: sshd.hostKeyEcdsa });
    expect((await conn.exec(['echo', 'ecdsa'])).stdout).toBe('ecdsa\n');
    expect(parseHostKeyPin(sshd.hostKeyEcdsa).fingerprint).toBe(await keygenFingerprint(join(sshd.dir, 'host_ecdsa.pub')));
  });

  it('never connects without a usable pin', async () => {
    await expect(transport().connect({ ...target, hostKey: '' })).rejects.toMatchObject({ code: 'InvalidHostKey', data: { host: 'hv-test' } });
    await expect(transport().connect({ ...target, hostKey: 'garbage' })).rejects.toMatchObject({ code: 'InvalidHostKey' });
  });
});

describe('ssh transport: connection errors', () => {
  it('explains an authentication failure without key material', async () => {
    const error = await transport({ privateKey: sshd.strangerKey }).connect(target).catch((e: unknown) => e);
    const strangerPrint = await keygenFingerprint(join(sshd.dir, 'stranger.pub'));
    expect(error).toMatchObject({ code: 'AuthenticationFailed', data: { host: 'hv-test', user: 'root', methods: ['publickey'], keyFingerprint: strangerPrint } });
    const message = (error as Error).message;
    expect(message).toContain(`failed to authenticate to hv-test (127.0.0.1:${sshd.port}) as root`);
    expect(message).toContain('tried publickey');
    expect(message).toContain(`add the controller public key (${strangerPrint}) to /root/.ssh/authorized_keys`);
    const keyBody = sshd.strangerKey.toString('utf8').split('\n')[1] as string;
    expect(JSON.stringify({ message, data: (error as { data: unknown }).data })).not.toContain(keyBody.slice(0, 20));
  });

  it('explains a refused connection', async () => {
    const port = await freePort();
    const error = await transport().connect({ ...target, name: 'hv-gone', port }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HostUnreachable', data: { host: 'hv-gone', reason: 'refused', syscallCode: 'ECONNREFUSED' } });
    expect((error as Error).message).toBe(`failed to connect to hv-gone (127.0.0.1:${port}): connection refused; is sshd running and listening on that port?`);
  });

  it('times out a host that accepts TCP but never speaks SSH', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const error = await transport({ connectTimeoutMs: 300 }).connect({ ...target, name: 'hv-mute', port }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toMatchObject({ code: 'HostUnreachable', data: { reason: 'timeout' } });
      expect((error as Error).message).toMatch(/^failed to connect to hv-mute \(127\.0\.0\.1:\d+\): timed out/);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });

  it('aborts a connection attempt', async () => {
    const controller = new AbortController();
    const attempt = transport().connect(target, { signal: controller.signal });
    controller.abort();
    await expect(attempt).rejects.toMatchObject({ code: 'ConnectAborted' });
  });

  it('reports missing credentials and an undecodable key as configuration errors', async () => {
    await expect(createSshTransport({}).connect(target)).rejects.toMatchObject({ code: 'InvalidTransportConfig', userError: true });
    const bad = createSshTransport({ privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nnope\n-----END OPENSSH PRIVATE KEY-----\n' });
    const error = await bad.connect(target).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidTransportConfig' });
    expect((error as Error).message).not.toContain('nope');
  });

  it('authenticates with a key file and with an ssh-agent', async () => {
    const fromFile = await transport({ privateKey: undefined, privateKeyPath: sshd.clientKeyPath }).connect(target);
    expect((await fromFile.exec(['echo', 'file'])).stdout).toBe('file\n');

    const socket = join(sshd.dir, 'agent.sock');
    const { stdout } = await run('ssh-agent', ['-a', socket, '-s']);
    const agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(stdout)?.[1]);
    try {
      await run('ssh-add', [sshd.clientKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      const viaAgent = await transport({ privateKey: undefined, agent: socket }).connect(target);
      expect((await viaAgent.exec(['echo', 'agent'])).stdout).toBe('agent\n');
    } finally {
      process.kill(agentPid, 'SIGTERM');
    }
  });
});

describe('ssh transport: writeFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(sshd.dir, 'files-'));
  });

  it('replaces a file atomically with the given mode', async () => {
    const conn = await shared();
    const path = join(dir, "it's a $(file)");
    await writeFile(path, 'old');
    const oldInode = (await stat(path)).ino;
    await conn.writeFile(path, 'new content\n', { mode: 0o600 });
    const after = await stat(path);
    expect(await readFile(path, 'utf8')).toBe('new content\n');
    expect(after.mode & 0o7777).toBe(0o600);
    expect(after.ino).not.toBe(oldInode);
    const binary = randomBytes(300_000);
    await conn.writeFile(join(dir, 'blob'), binary);
    expect((await readFile(join(dir, 'blob'))).equals(binary)).toBe(true);
    expect(((await stat(join(dir, 'blob'))).mode & 0o7777)).toBe(0o644);
    expect((await readdir(dir)).sort()).toEqual(['blob', "it's a $(file)"]);
  });

  it('fails clearly and leaves nothing behind', async () => {
    const conn = await shared();
    const readOnly = join(dir, 'missing-dir', 'x');
    await expect(conn.writeFile(readOnly, 'x')).rejects.toMatchObject({ code: 'WriteFileFailed', data: { host: 'hv-test', path: readOnly } });
    await expect(conn.writeFile('relative/path', 'x')).rejects.toMatchObject({ code: 'WriteFileFailed', data: { reason: 'the path must be absolute' } });
    const blocker = join(dir, 'a-dir');
    await run('mkdir', [blocker]);
    await expect(conn.writeFile(blocker, 'x')).rejects.toMatchObject({ code: 'WriteFileFailed', data: { reason: `${blocker}: is a directory` } });
    expect(await readdir(blocker)).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
});

describe('ssh transport: quoting property over a real sshd', () => {
  it('round-trips random strings as sh -c printf arguments', async () => {
    const conn = await shared();
    const random = seededRandom(2024);
    const values = Array.from({ length: 30 }, () => randomShellString(random, 40));
    const results = await Promise.all(values.map((v) => conn.exec(['sh', '-c', 'printf %s "$1"', '_', v])));
    expect(results.map((r) => r.stdout)).toEqual(values);
    expect(shellJoin(['sh', '-c', 'printf %s "$1"', '_', "'"])).toBe(`sh -c 'printf %s "$1"' _ ''\\'''`);
  });
});
