/** The demo's servers: the git server of the demo repository, and the HTTP server of its base image. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGitServer } from '../../test/testbed/git-server.js';

/** Path the image is served at. */
export const IMAGE_PATH = '/test-guest.qcow2';

/** The running servers. */
export interface DemoServers {
  /** `http://127.0.0.1:<port>`: repositories are `<gitBaseUrl>/<name>.git`. */
  gitBaseUrl: string;
  /** Where the hosts download the image from. */
  imageUrl: string;
  stop(): Promise<void>;
}

/** Serves one file read-only at IMAGE_PATH (GET and HEAD), on `host`, an ephemeral port. */
async function startImageServer(args: { host: string; file: string; log: (line: string) => void }): Promise<Server> {
  const server = createServer((req, res) => {
    const done = (status: number) => args.log(`image ${req.method ?? '?'} ${req.url ?? '?'} from ${req.socket.remoteAddress ?? '?'}: ${status}`);
    if (req.url !== IMAGE_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end();
      return done(404);
    }
    stat(args.file).then(
      (info) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(info.size) });
        if (req.method === 'HEAD') res.end();
        else createReadStream(args.file).on('error', () => res.destroy()).pipe(res);
        done(200);
      },
      () => {
        res.writeHead(500).end();
        done(500);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, args.host, () => resolve());
  });
  return server;
}

/**
 * Starts the git server (smart HTTP over `git http-backend`, on 127.0.0.1, anyone may push) on the
 * bare repositories under `gitRoot`, and the image server on `imageHost` (an address the hosts reach).
 */
export async function startDemoServers(args: { gitRoot: string; imageFile: string; imageHost: string; log: (line: string) => void }): Promise<DemoServers> {
  const git = await startGitServer({ root: args.gitRoot });
  let image: Server;
  try {
    image = await startImageServer({ host: args.imageHost, file: args.imageFile, log: args.log });
  } catch (err) {
    await git.stop();
    throw err;
  }
  const { port } = image.address() as AddressInfo;
  return {
    gitBaseUrl: git.baseUrl,
    imageUrl: `http://${args.imageHost}:${port}${IMAGE_PATH}`,
    async stop() {
      await new Promise<void>((resolve) => {
        image.close(() => resolve());
        image.closeAllConnections();
      });
      await git.stop();
    },
  };
}
