/** Observe output and virsh text captured from the testbed (test/fixtures/virsh/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of test/fixtures/virsh. */
export const VIRSH_FIXTURES = fileURLToPath(new URL('../../../fixtures/virsh/', import.meta.url));

/** Text of a file in test/fixtures/virsh. */
export function readVirshFixture(name: string): string {
  return readFileSync(join(VIRSH_FIXTURES, name), 'utf8');
}
