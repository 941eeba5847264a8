import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';

/** A real OpenSSH server on 127.0.0.1 for one test file, with generated host and client keys. */
export interface TestSshd {
  /** Pid of the listening sshd. */
  pid: number;
  port: number;
  dir: string;
  /** `ssh-ed25519 AAAA... comment` of the server's ed25519 host key. */
  hostKeyEd25519: string;
  /** `ecdsa-sha2-nistp256 AAAA...` of the server's ecdsa host key. */
  hostKeyEcdsa: string;
  /** Private key (OpenSSH format) that the server accepts for root. */
  clientKey: Buffer;
  clientKeyPath: string;
  clientPublicKey: string;
  /** A private key the server does not accept. */
  strangerKey: Buffer;
  /** A valid ed25519 public key line that is not the server's. */
  foreignHostKey: string;
  /** Pids of sshd's per-connection processes (one per open TCP connection). */
  sessionPids(): Promise<number[]>;
  /** The per-connection sshd process among the ancestors (innermost first) of a process started over a connection. */
  sessionOf(ancestors: number[]): number;
  /** Log lines sshd wrote so far. */
  log(): string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function keygen(dir: string, name: string, type: 'ed25519' | 'ecdsa'): Promise<{ path: string; pub: string }> {
  const path = join(dir, name);
  await run('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', `${name}@gitvirt-test`, '-f', path]);
  return { path, pub: (await readFile(`${path}.pub`, 'utf8')).trim() };
}

/** Starts sshd -D on an ephemeral port; fails loudly when OpenSSH is not installed. */
export async function startSshd(options: { logLevel?: 'INFO' | 'DEBUG1' | 'DEBUG3' } = {}): Promise<TestSshd> {
  if (!existsSync(SSHD)) {
    throw new Error(`OpenSSH server not found at ${SSHD}; install it (apt-get install openssh-server) to run the transport tests`);
  }
  await mkdir('/run/sshd', { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'gitvirt-sshd-'));
  const [hostEd, hostEcdsa, client, stranger, foreign] = await Promise.all([
    keygen(dir, 'host_ed25519', 'ed25519'),
    keygen(dir, 'host_ecdsa', 'ecdsa'),
    keygen(dir, 'client', 'ed25519'),
    keygen(dir, 'stranger', 'ed25519'),
    keygen(dir, 'foreign_host', 'ed25519'),
  ]);
  await mkdir(join(dir, 'home'));
  await writeFile(join(dir, 'authorized_keys'), `${client.pub}\n`, { mode: 0o600 });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${hostEd.path}`,
      `HostKey ${hostEcdsa.path}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'MaxSessions 10',
      'MaxStartups 100',
      `LogLevel ${options.logLevel ?? 'INFO'}`,
      // Root's shell sources $HOME/.bashrc for commands run over SSH; point HOME at an empty directory so
      // the development machine's shell start-up files do not slow down or change every command.
      `SetEnv HOME=${join(dir, 'home')}`,
      '',
    ].join('\n'),
  );

  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start within 5 s:\n${log}`)), 5000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('Server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with code ${code} before listening:\n${log}`));
    });
  });

  const sessionPids = async (): Promise<number[]> => {
    try {
      const { stdout } = await run('pgrep', ['-P', String(child.pid)]);
      return stdout.split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };

  return {
    pid: child.pid as number,
    port,
    dir,
    hostKeyEd25519: hostEd.pub,
    hostKeyEcdsa: hostEcdsa.pub,
    clientKey: await readFile(client.path),
    clientKeyPath: client.path,
    clientPublicKey: client.pub,
    strangerKey: await readFile(stranger.path),
    foreignHostKey: foreign.pub,
    sessionPids,
    sessionOf(ancestors: number[]) {
      const index = ancestors.indexOf(child.pid as number);
      if (index < 1) throw new Error(`processes ${ancestors.join(' < ')} were not started by this sshd`);
      return ancestors[index - 1] as number;
    },
    log: () => log,
    async stop() {
      const sessions = await sessionPids();
      for (const pid of sessions) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
