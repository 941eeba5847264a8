import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { validateConfig } from '../../../controller/config/index.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');
const CHART = 'charts/gitvirt/';

type Tree = Record<string, unknown>;

/** The value at a dotted path of a parsed YAML tree, or undefined. */
function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

/** A template with its actions taken out: lines holding only an action are dropped, inline actions become a placeholder. */
function withoutActions(template: string): string {
  return template.split('\n')
    .filter((line) => !/^\s*\{\{-?[^}]*-?\}\}\s*$/.test(line))
    .map((line) => line.replace(/\{\{-?[^}]*-?\}\}/g, 'X'))
    .join('\n');
}

async function templates(): Promise<Record<string, string>> {
  const names = (await readdir(new URL(`${CHART}templates/`, root))).filter((n) => n.endsWith('.yaml'));
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await read(`${CHART}templates/${n}`)] as const)));
}

describe('Helm chart', () => {
  it('has a valid Chart.yaml and values.yaml', async () => {
    const chart = parse(await read(`${CHART}Chart.yaml`)) as Tree;
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'gitvirt', type: 'application' });
    expect(chart['version']).toMatch(/^\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(await read('package.json')) as { version: string };
    expect(chart['appVersion']).toBe(pkg.version);
    expect(parse(await read(`${CHART}values.yaml`))).toBeTypeOf('object');
  });

  it('references only values that values.yaml defines', async () => {
    const values = parse(await read(`${CHART}values.yaml`)) as Tree;
    const sources = [...Object.values(await templates()), await read(`${CHART}templates/_helpers.tpl`), await read(`${CHART}templates/NOTES.txt`)];
    const referenced = new Set(sources.flatMap((text) => [...text.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)].map((m) => m[1]!)));
    expect(referenced.size).toBeGreaterThan(10);
    const missing = [...referenced].filter((path) => at(values, path) === undefined);
    expect(missing).toEqual([]);
  });

  it('templates are Kubernetes YAML once their actions are taken out', async () => {
    const kinds: string[] = [];
    for (const [name, text] of Object.entries(await templates())) {
      for (const doc of parseAllDocuments(withoutActions(text))) {
        expect(doc.errors, name).toEqual([]);
        const value = doc.toJS() as Tree | null;
        if (value === null) continue;
        expect(value['apiVersion'], name).toBeTruthy();
        kinds.push(String(value['kind']));
      }
    }
    expect(kinds.sort()).toEqual(['ConfigMap', 'Deployment', 'PersistentVolumeClaim', 'Service', 'ServiceMonitor']);
  });

  it('mounts every file the rendered configuration names, and the config where --config points', async () => {
    const deployment = parse(withoutActions((await templates())['deployment.yaml']!)) as Tree;
    const container = (at(deployment, 'spec.template.spec.containers') as Tree[])[0]!;
    const mounts = (container['volumeMounts'] as Tree[]).map((m) => String(m['mountPath']));
    expect(container['args']).toEqual(['run', '--config', '/etc/gitvirt/config/config.yaml']);
    const helpers = await read(`${CHART}templates/_helpers.tpl`);
    const paths = [...helpers.matchAll(/"(\/[a-z/]+)\/%s"/g)].map((m) => m[1]!);
    expect(paths.sort()).toEqual(['/etc/gitvirt/git', '/etc/gitvirt/ssh', '/etc/gitvirt/webhook']);
    for (const path of [...paths, '/etc/gitvirt/config', '/var/lib/gitvirt']) expect(mounts).toContain(path);
    expect(helpers).toContain('"stateDir" "/var/lib/gitvirt"');
  });

  it('renders a configuration gitvirt accepts (the values plus the paths the chart sets)', async () => {
    const values = parse(await read(`${CHART}values.yaml`)) as Tree & { config: Tree };
    const config = structuredClone(values.config) as Tree & { source: { git: Tree } };
    config.source.git['tokenFile'] = '/etc/gitvirt/git/token';
    const result = validateConfig({ ...config, listen: ':9464', stateDir: '/var/lib/gitvirt', ssh: { identityFile: '/etc/gitvirt/ssh/id_ed25519' }, webhook: { secretFile: '/etc/gitvirt/webhook/secret' } });
    expect(result.errors).toBeUndefined();
    expect(result.config?.listen).toEqual({ host: '0.0.0.0', port: 9464 });
  });
});

describe('systemd unit and Dockerfile', () => {
  it('run the built entry point with the configuration file', async () => {
    const pkg = JSON.parse(await read('package.json')) as { bin: Record<string, string> };
    const unit = await read('deploy/gitvirt.service');
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node /opt/gitvirt/${pkg.bin['gitvirt']} run --config /etc/gitvirt/config.yaml$`, 'm'));
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    expect(unit).toMatch(/^\[Install\]\nWantedBy=multi-user.target$/m);
    const dockerfile = await read('deploy/Dockerfile');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:2[2-9]-/m);
    expect(dockerfile).toMatch(/apt-get install[^\n]*openssh-client/);
    expect(dockerfile).toContain(`"node", "/opt/gitvirt/${pkg.bin['gitvirt']}"`);
    expect(dockerfile).toMatch(/^CMD \["run", "--config", "\/etc\/gitvirt\/config.yaml"\]$/m);
  });
});
