import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitCommitSignature } from '../../../controller/source/commit-signature.js';
import { checkSshSignature, parseSshPublicKey, type SshPublicKey } from '../../../controller/source/index.js';

const fixture = (name: string): Promise<string> => readFile(new URL(`../../fixtures/source/${name}`, import.meta.url), 'latin1');

describe('splitCommitSignature', () => {
  it('separates the signed payload and the signature of a captured SSH-signed commit', async () => {
    const { payload, signature } = splitCommitSignature(await fixture('ssh-signed-commit.txt'));
    expect(payload).toBe(await fixture('ssh-signed-commit.payload.txt'));
    expect(signature).toMatch(/^-----BEGIN SSH SIGNATURE-----\nU1NIU0lH[\s\S]*\n-----END SSH SIGNATURE-----\n$/);
    const key = parseSshPublicKey(await fixture('ssh-signed-commit.key.pub')) as { key: SshPublicKey };
    expect(checkSshSignature({ message: Buffer.from(payload, 'latin1'), armored: signature, namespace: 'git', trusted: [key.key] })).toEqual({
      ok: true,
      fingerprint: key.key.fingerprint,
    });
  });

  it('returns no signature for an unsigned commit and keeps the body intact', () => {
    const raw = 'tree abc\nauthor a <a@b> 1 +0000\ncommitter a <a@b> 1 +0000\n\nmessage\n gpgsig not a header\n';
    expect(splitCommitSignature(raw)).toEqual({ payload: raw, signature: null });
  });

  it('drops every signature header but reads only the first', () => {
    const raw = 'tree abc\ngpgsig one\n line2\ngpgsig-sha256 two\n more\nauthor a <a@b> 1 +0000\n\nmsg\n';
    expect(splitCommitSignature(raw)).toEqual({ payload: 'tree abc\nauthor a <a@b> 1 +0000\n\nmsg\n', signature: 'one\nline2\n' });
  });
});
