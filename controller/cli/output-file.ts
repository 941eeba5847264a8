import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputWriteFailed } from './cli-errors.js';

/** Writes `text` to `file`, creating its folder; failures become a user error naming the file. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (err) {
    throw new OutputWriteFailed(file, err);
  }
}
