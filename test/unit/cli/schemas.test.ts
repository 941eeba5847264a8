import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemasCommand } from '../../../controller/cli/schemas.js';
import { runCli } from '../../../controller/cli/run-cli.js';
import type { Command } from '../../../controller/cli/command.js';
import { captureIo } from './capture-io.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitvirt-schemas-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `gitvirt schemas ...` in-process with cwd = the temp dir. */
async function schemas(...argv: string[]) {
  const io = captureIo(dir);
  const code = await runCli({ argv: ['schemas', ...argv], commands: [schemasCommand as Command], version: '0', io });
  return { code, out: io.out(), err: io.err() };
}

const HOST = {
  apiVersion: 'gitvirt.io/v1alpha1',
  kind: 'Host',
  metadata: { name: 'hv1' },
  spec: { address: '10.77.1.2', hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJa+LePZTEuvFYi8xnRE4yk4lK5+Dw9bnlCAP7hQZ3wm root@hv1' },
};

describe('gitvirt schemas', () => {
  it('writes the bundled and per-kind schemas to the default folder and prints the editor settings', async () => {
    const r = await schemas();
    expect(r.code).toBe(0);
    const files = (await readdir(join(dir, '.gitvirt/schemas'))).sort();
    expect(files).toEqual(['cluster.schema.json', 'gitvirt.schema.json', 'host.schema.json', 'image.schema.json', 'network.schema.json', 'virtualmachine.schema.json']);
    expect(r.out).toContain('# yaml-language-server: $schema=./.gitvirt/schemas/gitvirt.schema.json');
    expect(r.out).toContain('"./.gitvirt/schemas/gitvirt.schema.json": [');
    expect(r.out).toContain('"yaml.schemas"');
  });

  it('writes self-contained draft-07 schemas that accept and reject documents', async () => {
    expect((await schemas('--out', 'editor')).code).toBe(0);
    const load = async (f: string) => JSON.parse(await readFile(join(dir, 'editor', f), 'utf8'));
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    const bundled = ajv.compile(await load('gitvirt.schema.json'));
    const host = ajv.compile(await load('host.schema.json'));
    for (const validate of [bundled, host]) {
      expect(validate(HOST)).toBe(true);
      expect(validate({ ...HOST, spec: { ...HOST.spec, port: 70000 } })).toBe(false);
    }
    expect(JSON.stringify(await load('virtualmachine.schema.json'))).not.toContain('"$ref":"common.json');
  });

  it('refuses positional arguments', async () => {
    const r = await schemas('somewhere');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unexpected argument 'somewhere'");
  });
});
