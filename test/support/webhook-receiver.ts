import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST the receiver took: its path, body and the Dandang headers. */
export interface ReceivedPost {
  path: string;
  body: string;
  signature: string;
  event: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`: receivers are told a path under it. */
  baseUrl: string;
  /** What was taken, in order (refused POSTs left out). */
  received: ReceivedPost[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on a free local port, as a notification or organisation-department endpoint would be: it keeps
 * every POST it accepts, and answers 503 to the first `refuseFirst` (a receiver briefly down).
 */
export async function startWebhookReceiver(options: { refuseFirst?: number } = {}): Promise<WebhookReceiver> {
  let refuse = options.refuseFirst ?? 0;
  const received: ReceivedPost[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (refuse-- > 0) return void res.writeHead(503).end();
      received.push({ path: String(req.url), body, signature: String(req.headers['x-dandang-signature']), event: String(req.headers['x-dandang-event']) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
