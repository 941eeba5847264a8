/**
 * probeFromHost over the local transport: the Perl probe really runs and talks to real HTTP and
 * TCP servers on loopback (the local transport runs commands the way a hypervisor host would).
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeFromHost, type HealthProbe } from '../../../controller/health/index.js';
import { createLocalTransport, type HostConnection } from '../../../controller/transport/index.js';

let http: Server;
let silent: TcpServer;
let garbage: TcpServer;
let closedPort = 0;
const sockets: Socket[] = [];
let connection: HostConnection;
const port = (server: Server | TcpServer) => (server.address() as AddressInfo).port;
const listen = (server: Server | TcpServer) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const get = (p: number, path: string, expectStatus = 200): HealthProbe => ({ http: { port: p, path, expectStatus } });

beforeAll(async () => {
  http = createHttpServer((req, res) => {
    const codes: Record<string, number> = { '/health': 200, '/broken': 500, '/missing': 404 };
    res.writeHead(codes[req.url ?? ''] ?? 404).end('ok\n');
  });
  silent = createTcpServer(() => undefined); // accepts, never answers
  garbage = createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
  for (const server of [http, silent, garbage]) server.on('connection', (socket: Socket) => sockets.push(socket));
  await Promise.all([listen(http), listen(silent), listen(garbage)]);
  const spare = createTcpServer();
  await listen(spare);
  closedPort = port(spare);
  await new Promise((resolve) => spare.close(resolve));
  connection = await createLocalTransport().connect({ name: 'hv-local', address: '127.0.0.1', port: 22, user: 'root', hostKey: 'unused' });
});

afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await Promise.all([http, silent, garbage].map((server) => new Promise((resolve) => server.close(resolve))));
  await connection.close();
});

describe('probeFromHost', () => {
  it('is healthy when the HTTP status is the expected one', async () => {
    const result = await probeFromHost({ connection, probe: get(port(http), '/health'), address: '127.0.0.1', timeoutSeconds: 3 });
    expect(result).toEqual({ status: 'healthy', reason: `http GET http://127.0.0.1:${port(http)}/health answered 200` });
  });

  it('is unhealthy on another status, and healthy when that status is the expected one', async () => {
    const broken = await probeFromHost({ connection, probe: get(port(http), '/broken'), address: '127.0.0.1', timeoutSeconds: 3 });
    expect(broken).toEqual({ status: 'unhealthy', reason: `http GET http://127.0.0.1:${port(http)}/broken answered 500, expected 200` });
    const missing = await probeFromHost({ connection, probe: get(port(http), '/missing', 404), address: '127.0.0.1', timeoutSeconds: 3 });
    expect(missing.status).toBe('healthy');
  });

  it('is unhealthy when nothing listens, naming the error', async () => {
    const result = await probeFromHost({ connection, probe: get(closedPort, '/health'), address: '127.0.0.1', timeoutSeconds: 3 });
    expect(result.status).toBe('unhealthy');
    expect(result.reason).toBe(`http GET http://127.0.0.1:${closedPort}/health failed: connection refused`);
  });

  it('gives up after its timeout when the server never answers', async () => {
    const started = Date.now();
    const result = await probeFromHost({ connection, probe: get(port(silent), '/health'), address: '127.0.0.1', timeoutSeconds: 1 });
    expect(result).toEqual({ status: 'unhealthy', reason: `http GET http://127.0.0.1:${port(silent)}/health timed out after 1 s` });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('is unhealthy when the answer is not HTTP', async () => {
    const result = await probeFromHost({ connection, probe: get(port(garbage), '/'), address: '127.0.0.1', timeoutSeconds: 3 });
    expect(result).toEqual({
      status: 'unhealthy', reason: `http GET http://127.0.0.1:${port(garbage)}/ got a response that is not HTTP: SSH-2.0-OpenSSH_9.2`,
    });
  });

  it('checks TCP by connecting', async () => {
    const open = await probeFromHost({ connection, probe: { tcp: { port: port(silent) } }, address: '127.0.0.1', timeoutSeconds: 2 });
    expect(open).toEqual({ status: 'healthy', reason: `tcp connect 127.0.0.1:${port(silent)} succeeded` });
    const closed = await probeFromHost({ connection, probe: { tcp: { port: closedPort } }, address: '127.0.0.1', timeoutSeconds: 2 });
    expect(closed.status).toBe('unhealthy');
  });

  it('probes IPv6 addresses', async () => {
    const v6 = createHttpServer((_req, res) => res.writeHead(200).end());
    const listening = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return; // no IPv6 loopback on this machine
    const v6port = port(v6);
    const result = await probeFromHost({ connection, probe: get(v6port, '/'), address: '::1', timeoutSeconds: 2 });
    await new Promise((resolve) => v6.close(resolve));
    expect(result).toEqual({ status: 'healthy', reason: `http GET http://[::1]:${v6port}/ answered 200` });
  });

  it('refuses addresses and paths that are not one, without running anything', async () => {
    const ran: string[][] = [];
    const recording: HostConnection = { ...connection, exec: async (argv) => (ran.push([...argv]), { stdout: '', stderr: '', code: 0 }) };
    const badAddress = await probeFromHost({ connection: recording, probe: get(80, '/'), address: '10.0.0.1; reboot', timeoutSeconds: 1 });
    const badPath = await probeFromHost({ connection: recording, probe: get(80, '/a b\r\nX: y'), address: '10.0.0.1', timeoutSeconds: 1 });
    expect(badAddress.status).toBe('unknown');
    expect(badPath).toEqual({ status: 'unknown', reason: 'cannot probe: "/a b\\r\\nX: y" is not an HTTP path' });
    expect(ran).toEqual([]);
  });

  it('is unknown when the probe cannot run on the host', async () => {
    const failing: HostConnection = { ...connection, exec: async () => Promise.reject(new Error('failed to connect to hv9: timed out\nmore')) };
    const result = await probeFromHost({ connection: failing, probe: get(80, '/'), address: '10.0.0.1', timeoutSeconds: 1 });
    expect(result).toEqual({ status: 'unknown', reason: 'cannot run http GET http://10.0.0.1:80/ on the host: failed to connect to hv9: timed out' });
  });

  it('is unknown when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await probeFromHost({ connection, probe: get(port(http), '/health'), address: '127.0.0.1', timeoutSeconds: 1, signal: controller.signal });
    expect(result.status).toBe('unknown');
  });
});
