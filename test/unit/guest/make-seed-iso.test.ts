import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSeedIso } from '../../testbed/guest/guest.js';

const run = promisify(execFile);

async function isoFile(iso: string, path: string): Promise<string> {
  return (await run('isoinfo', ['-i', iso, '-R', '-x', path])).stdout;
}

describe('makeSeedIso', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-iso-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes an ISO labelled cidata with meta-data and a cloud-config hostname', async () => {
    const iso = await makeSeedIso({ dir, hostname: 'web-0', instanceId: 'iid-web-0' });
    expect(iso).toBe(join(dir, 'seed-iid-web-0.iso'));
    expect((await run('isoinfo', ['-d', '-i', iso])).stdout).toMatch(/^Volume id: cidata$/m);
    expect(await isoFile(iso, '/meta-data')).toBe('instance-id: iid-web-0\nlocal-hostname: web-0\n');
    expect(await isoFile(iso, '/user-data')).toBe('#cloud-config\nhostname: web-0\n');
    expect((await run('isoinfo', ['-i', iso, '-R', '-f'])).stdout.split('\n').sort()).toEqual(['', '/meta-data', '/user-data']);
  });

  it('takes user-data, network-config and a file name', async () => {
    const iso = await makeSeedIso({
      dir, hostname: 'db', instanceId: 'iid-db', fileName: 'db.iso',
      userData: '#cloud-config\nhostname: other\n', networkConfig: 'version: 2\n',
    });
    expect(iso).toBe(join(dir, 'db.iso'));
    expect(await isoFile(iso, '/user-data')).toBe('#cloud-config\nhostname: other\n');
    expect(await isoFile(iso, '/network-config')).toBe('version: 2\n');
  });

  it('refuses values that would break the meta-data', async () => {
    await expect(makeSeedIso({ dir, hostname: 'a\nb', instanceId: 'i' })).rejects.toThrow(/invalid hostname/);
    await expect(makeSeedIso({ dir, hostname: 'a', instanceId: 'x y' })).rejects.toThrow(/invalid instanceId/);
  });
});
