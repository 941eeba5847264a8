import { posix } from 'node:path';
import type { HostConnection, RawHostConnection } from '../transport/transport.js';
import type { HostTarget } from '../types/desired.js';
import type { FileDigest, PoolFileOptions, PoolFiles } from '../types/host-client.js';
import { normalisePath } from './domain-model.js';
import { createHostCommands, type HostCommands } from './host-commands.js';
import { LibvirtCommandError } from './host-client-errors.js';
import { PoolPathRefusedError } from './migration-errors.js';
import { ALLOCATE_SCRIPT, DIGEST_SCRIPT, INSTALL_SCRIPT, READ_SCRIPT, REMOVE_SCRIPT, WRITE_SCRIPT } from './pool-file-scripts.js';
import { refreshPool } from './pool-actions.js';

/** A file name gitvirt may touch in its pool: letters, digits, `.`, `_`, `-`, not `.` or `..`. */
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** True when the connection can return raw output bytes. */
function isRaw(connection: HostConnection): connection is RawHostConnection {
  return typeof (connection as Partial<RawHostConnection>).execRaw === 'function';
}

/** Pool file access over a connection that returns raw bytes; undefined when it cannot. */
export function createPoolFiles(args: { target: HostTarget; connection: HostConnection }): PoolFiles | undefined {
  const { target, connection } = args;
  if (!isRaw(connection)) return undefined;
  const host = target.name;
  const poolPath = normalisePath(target.storagePool.path);
  const checked = (path: string): string => {
    const name = posix.basename(path);
    if (posix.normalize(path) !== path || posix.dirname(path) !== poolPath || !SAFE_NAME.test(name) || name === '.' || name === '..') {
      throw new PoolPathRefusedError({ host, path, poolPath });
    }
    return path;
  };
  const cmd = (options: PoolFileOptions = {}): HostCommands => createHostCommands({
    connection, host, uri: target.uri, action: 'domain.migrate', ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const subject = (path: string, operation: string) => ({ operation, kind: 'volume', name: posix.basename(path) });
  return {
    async digest(path, options) {
      const out = (await cmd(options).script(DIGEST_SCRIPT, [checked(path)], subject(path, 'checksum'))).stdout.trim();
      if (out === 'missing') return null;
      const match = /^(\d+) ([0-9a-f]{64})$/.exec(out);
      if (match === null) {
        throw new LibvirtCommandError(out === 'not-a-file' ? `${path} is not a regular file` : `unexpected checksum output: ${out.slice(0, 200)}`, {
          ...subject(path, 'checksum'), host, action: 'domain.migrate', command: ['sha256sum', path],
        });
      }
      return { bytes: Number(match[1]), sha256: match[2]! } satisfies FileDigest;
    },
    async read(path, offset, length, options = {}) {
      const argv = ['sh', '-c', READ_SCRIPT, 'gitvirt', checked(path), String(offset), String(length)];
      const result = await connection.execRaw(argv, { timeoutMs: 600_000, ...(options.signal === undefined ? {} : { signal: options.signal }) });
      const stderr = result.stderr.toString('utf8').trim();
      if (result.code !== 0 || stderr !== '') {
        throw new LibvirtCommandError(stderr || `exit code ${result.code}`, { ...subject(path, 'read'), host, action: 'domain.migrate', command: ['dd', path], exitCode: result.code });
      }
      return result.stdout;
    },
    async allocate(path, bytes, options) {
      await cmd(options).script(ALLOCATE_SCRIPT, [checked(path), String(Math.max(0, Math.floor(bytes)))], subject(path, 'allocate'));
    },
    async write(path, offset, compressed, options) {
      const result = await cmd(options).script(WRITE_SCRIPT, [checked(path), String(offset)], subject(path, 'write'), { stdin: compressed });
      if (result.stderr.trim() !== '') {
        throw new LibvirtCommandError(result.stderr, { ...subject(path, 'write'), host, action: 'domain.migrate', command: ['dd', path] });
      }
    },
    async install({ from, to, pool, format, backing }, options) {
      const commands = cmd(options);
      await commands.script(INSTALL_SCRIPT, [checked(from), checked(to), format, backing?.path ?? '', backing?.format ?? ''], subject(to, 'install'));
      await refreshPool(commands, pool);
    },
    async remove(path, options) {
      await cmd(options).script(REMOVE_SCRIPT, [checked(path)], subject(path, 'remove'));
    },
  };
}
