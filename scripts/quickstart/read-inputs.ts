import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { DemoGuest } from './render-demo-repo.js';

/** Every file under `dir` (recursively, hidden ones too): POSIX path relative to `dir` → text. */
export async function readTemplates(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    out[relative(dir, absolute).split(sep).join('/')] = await readFile(absolute, 'utf8');
  }
  return out;
}

interface GuestManifestFile {
  cmdline: string;
  artifacts: Record<'kernelElf' | 'initrd' | 'disk', { path: string; sha256: string }>;
}

/**
 * The demo's guest from the test guest's manifest.json (test/testbed/guest/build.sh): the
 * uncompressed kernel (it boots seconds faster under emulation), the initramfs, and the disk
 * image as served at `imageUrl`.
 */
export async function readGuest(args: { manifest: string; imageUrl: string }): Promise<DemoGuest> {
  const parsed = JSON.parse(await readFile(args.manifest, 'utf8')) as GuestManifestFile;
  return {
    kernel: parsed.artifacts.kernelElf.path,
    initrd: parsed.artifacts.initrd.path,
    cmdline: parsed.cmdline,
    imageUrl: args.imageUrl,
    imageSha256: parsed.artifacts.disk.sha256,
  };
}

/** The disk image file of the test guest, from its manifest.json. */
export async function guestDiskPath(manifest: string): Promise<string> {
  return (JSON.parse(await readFile(manifest, 'utf8')) as GuestManifestFile).artifacts.disk.path;
}
