import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Absolute path of the builder script next to this file. */
export const BUILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'build.sh');

/** Cache directory used when neither `cacheDir` nor `GITVIRT_GUEST_CACHE` is given. */
export const DEFAULT_GUEST_CACHE = '/var/cache/gitvirt-test-guest';

/** One built file: where it is, its sha256 (hex) and its size in bytes. */
export interface GuestArtifact {
  path: string;
  sha256: string;
  bytes: number;
}

/** What `buildGuest` produced: kernel, initramfs and a small qcow2 disk, plus how to boot them. */
export interface GuestArtifacts {
  dir: string;
  manifest: string;
  kernelVersion: string;
  /** sha256 of every builder input; changes whenever the guest would change */
  key: string;
  /** kernel command line the guest needs (serial console) */
  cmdline: string;
  /** first word of the console line printed when the guest serves HTTP */
  readyMarker: string;
  /** vmlinuz of the installed linux-image-amd64 (bzImage) */
  kernel: GuestArtifact;
  /** the same kernel uncompressed (ELF, PVH entry): skips 3-12 s of emulated decompression under TCG; prefer it */
  kernelElf: GuestArtifact;
  initrd: GuestArtifact;
  /** read-only base image: attach an overlay or a copy, never the file itself */
  disk: GuestArtifact & { virtualBytes: number };
}

interface ManifestFile {
  key: string;
  kernelVersion: string;
  cmdline: string;
  readyMarker: string;
  diskVirtualBytes: number;
  artifacts: Record<'kernel' | 'kernelElf' | 'initrd' | 'disk', GuestArtifact>;
}

/** Builds the test guest (or reuses the cached build) and returns its artifacts. */
export async function buildGuest(options: { cacheDir?: string; signal?: AbortSignal } = {}): Promise<GuestArtifacts> {
  const env = { ...process.env };
  if (options.cacheDir !== undefined) env['GITVIRT_GUEST_CACHE'] = options.cacheDir;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('bash', [BUILD_SCRIPT], {
      env,
      signal: options.signal,
      maxBuffer: 1 << 20,
    }));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`failed to build test guest: ${stderr.trim() || String(error)}`);
  }
  const manifest = stdout.trim().split('\n').pop() ?? '';
  const parsed = JSON.parse(await readFile(manifest, 'utf8')) as ManifestFile;
  const { kernel, kernelElf, initrd, disk } = parsed.artifacts;
  return {
    dir: dirname(manifest),
    manifest,
    kernelVersion: parsed.kernelVersion,
    key: parsed.key,
    cmdline: parsed.cmdline,
    readyMarker: parsed.readyMarker,
    kernel,
    kernelElf,
    initrd,
    disk: { ...disk, virtualBytes: parsed.diskVirtualBytes },
  };
}

/** Files of a NoCloud seed, as `makeSeedIso` writes them. */
export interface SeedOptions {
  /** directory the ISO (and a folder with its files) is written into */
  dir: string;
  hostname: string;
  instanceId: string;
  /** user-data; default `#cloud-config` with `hostname: <hostname>` */
  userData?: string;
  /** network-config, written only when given */
  networkConfig?: string;
  /** file name of the ISO; default `seed-<instanceId>.iso` */
  fileName?: string;
}

const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/** Writes a NoCloud seed ISO (volume label cidata) and returns its path. */
export async function makeSeedIso(options: SeedOptions): Promise<string> {
  const { dir, hostname, instanceId } = options;
  for (const [field, value] of [['hostname', hostname], ['instanceId', instanceId]] as const) {
    if (!SAFE_VALUE.test(value)) throw new Error(`failed to make seed iso: invalid ${field} ${JSON.stringify(value)}`);
  }
  const fileName = options.fileName ?? `seed-${instanceId}.iso`;
  const filesDir = join(dir, `${fileName}.d`);
  await mkdir(filesDir, { recursive: true });
  const files: Record<string, string> = {
    'meta-data': `instance-id: ${instanceId}\nlocal-hostname: ${hostname}\n`,
    'user-data': options.userData ?? `#cloud-config\nhostname: ${hostname}\n`,
  };
  if (options.networkConfig !== undefined) files['network-config'] = options.networkConfig;
  for (const [name, content] of Object.entries(files)) await writeFile(join(filesDir, name), content);
  const iso = join(dir, fileName);
  try {
    await execFileAsync('genisoimage', [
      '-quiet', '-output', iso, '-volid', 'cidata', '-joliet', '-rock',
      ...Object.keys(files).map((name) => join(filesDir, name)),
    ]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`failed to make seed iso: ${stderr.trim() || String(error)}`);
  }
  return iso;
}
