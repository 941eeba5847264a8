import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScenarioGuest } from '../fixtures/engine/scenario.js';
import { buildGuest } from '../testbed/guest/guest.js';

/** The test guest served to the testbed hosts: the scenario guest pointing at it, and how to stop serving. */
export interface ServedGuest {
  guest: ScenarioGuest;
  close(): Promise<void>;
}

/**
 * Builds (or reuses) the test guest and serves its disk image over HTTP on `peerAddress`, the main
 * namespace's side of a host link (every host routes there), for Image manifests to download.
 */
export async function serveTestGuest(peerAddress: string): Promise<ServedGuest> {
  const artifacts = await buildGuest();
  const server = createServer((req, res) => {
    if (req.url !== '/disk.qcow2') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(artifacts.disk.bytes) });
    createReadStream(artifacts.disk.path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    guest: {
      kernel: artifacts.kernelElf.path, initrd: artifacts.initrd.path, cmdline: artifacts.cmdline,
      diskUrl: `http://${peerAddress}:${port}/disk.qcow2`, diskSha256: artifacts.disk.sha256,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
