import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenAddress } from '../config/index.js';
import { GitvirtError } from '../errors/gitvirt-error.js';
import type { ControllerMetrics } from './create-metrics.js';

/** A request handler mounted on a path (the source's webhook handler). */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The HTTP server of the controller. */
export interface MetricsServer {
  /** `http://host:port` actually bound (the port is known even when 0 was asked for). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Options of startMetricsServer. */
export interface StartMetricsServerArgs {
  listen: ListenAddress;
  metrics: ControllerMetrics;
  /** Mounted at `POST /webhook` when given. */
  webhook?: RequestHandler;
}

/** The metrics address could not be bound. */
export class MetricsListenFailedError extends GitvirtError<'MetricsListenFailed', { host: string; port: number; reason: string }> {
  constructor(data: { host: string; port: number; reason: string }, options: { cause?: unknown } = {}) {
    super('MetricsListenFailed', `failed to listen on ${data.host}:${data.port}: ${data.reason}`, data, { ...options, userError: true });
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/** Routes of the server; anything else is 404. */
async function route(args: StartMetricsServerArgs, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?', 1)[0];
  const { metrics } = args;
  if (path === '/webhook') {
    if (args.webhook !== undefined) return void (await args.webhook(req, res));
    return send(res, 404, 'text/plain; charset=utf-8', 'no webhook configured (set webhook.secretFile)\n');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
  switch (path) {
    case '/metrics':
      return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
    case '/healthz':
    case '/readyz': {
      const check = path === '/healthz' ? metrics.liveness() : metrics.readiness();
      return send(res, check.ok ? 200 : 503, 'text/plain; charset=utf-8', `${check.ok ? 'ok' : 'not ok'}: ${check.message}\n`);
    }
    default:
      return send(res, 404, 'text/plain; charset=utf-8', 'not found; try /metrics, /healthz, /readyz\n');
  }
}

/** Serves `/metrics`, `/healthz`, `/readyz` and (optionally) `POST /webhook` on one port (node:http). */
export async function startMetricsServer(args: StartMetricsServerArgs): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    route(args, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(new MetricsListenFailedError({ ...args.listen, reason: err.message }, { cause: err }));
    server.once('error', onError);
    server.listen(args.listen.port, args.listen.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
