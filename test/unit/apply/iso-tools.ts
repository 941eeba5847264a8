/** Runs the system's ISO 9660 readers (isoinfo, blkid) on images written to a temporary directory. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory for images, removed by `cleanup`. */
export function isoWorkspace(): { dir: string; write: (name: string, image: Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gitvirt-seed-iso-'));
  return {
    dir,
    write: (name, image) => {
      const path = join(dir, name);
      writeFileSync(path, image);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs isoinfo and returns its raw stdout. */
export function isoinfo(image: string, ...args: string[]): Buffer {
  return execFileSync('isoinfo', ['-i', image, ...args], { maxBuffer: 64 << 20 });
}

/** The file paths isoinfo finds in the tree selected by `tree` (-J Joliet, -R Rock Ridge, '' primary). */
export function isoFiles(image: string, tree: '-J' | '-R' | ''): string[] {
  return isoinfo(image, ...(tree === '' ? [] : [tree]), '-f').toString('utf8').split('\n').filter((line) => line !== '');
}

/** One file's bytes as isoinfo extracts them from the selected tree. */
export function isoExtract(image: string, tree: '-J' | '-R', path: string): Buffer {
  return isoinfo(image, tree, '-x', path);
}

/** blkid's tags of a file (`TYPE`, `LABEL`, ...). */
export function blkidTags(path: string): Record<string, string> {
  const out = execFileSync('blkid', ['-p', '-o', 'export', path]).toString('utf8');
  return Object.fromEntries(out.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

