import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const LIB = new URL('../../testbed/guest/guest-lib.sh', import.meta.url).pathname;

/** Runs a guest-lib.sh function in busybox ash, as the guest's /init does. */
async function call(script: string): Promise<{ stdout: string; stderr: string }> {
  return run('busybox', ['sh', '-c', `. ${LIB}; ${script}`]);
}

describe('guest-lib.sh', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guest-lib-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const seed = async (files: Record<string, string>) => {
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  };

  it('prefers the user-data hostname over fqdn and local-hostname', async () => {
    await seed({
      'meta-data': 'instance-id: iid-1\nlocal-hostname: from-meta\n',
      'user-data': '#cloud-config\nfqdn: from-fqdn.example.org\nhostname: from-user # set by gitvirt\nusers:\n  - name: ops\n    hostname: nested\n',
    });
    expect((await call(`seed_hostname ${dir}`)).stdout).toBe('from-user\n');
    expect((await call(`seed_instance_id ${dir}`)).stdout).toBe('iid-1\n');
  });

  it('falls back to the first label of fqdn, then to local-hostname', async () => {
    await seed({ 'meta-data': 'local-hostname: "from-meta"\n', 'user-data': "#cloud-config\nfqdn: 'web-0.example.org'\n" });
    expect((await call(`seed_hostname ${dir}`)).stdout).toBe('web-0\n');
    await seed({ 'user-data': '#cloud-config\npackages: []\n' });
    expect((await call(`seed_hostname ${dir}`)).stdout).toBe('from-meta\n');
  });

  it('ignores user-data that is not cloud-config', async () => {
    await seed({ 'meta-data': 'local-hostname: from-meta\n', 'user-data': '#!/bin/sh\nhostname: not-this\n' });
    expect((await call(`seed_hostname ${dir}`)).stdout).toBe('from-meta\n');
  });

  it('reads JSON meta-data', async () => {
    await seed({ 'meta-data': '{"instance-id": "iid-json",\n "local-hostname": "json-host"}\n' });
    expect((await call(`seed_hostname ${dir}; seed_instance_id ${dir}`)).stdout).toBe('json-host\niid-json\n');
  });

  it('answers none without a seed and refuses invalid hostnames', async () => {
    expect((await call(`seed_hostname ${dir}; seed_instance_id ${dir}`)).stdout).toBe('none\nnone\n');
    await seed({ 'meta-data': 'local-hostname: bad;name\n' });
    const result = await call(`seed_hostname ${dir}`);
    expect(result.stdout).toBe('none\n');
    expect(result.stderr).toBe("ignoring invalid hostname 'bad;name'\n");
  });

  it('reads gitvirt.* options from the kernel command line', async () => {
    const cmdline = join(dir, 'cmdline');
    await writeFile(cmdline, 'console=ttyS0 gitvirt.seedwait=2 gitvirt.port=8080\n');
    expect((await call(`cmdline_opt seedwait 6 ${cmdline}; cmdline_opt port 80 ${cmdline}; cmdline_opt dhcpwait 120 ${cmdline}`)).stdout)
      .toBe('2\n8080\n120\n');
  });
});
