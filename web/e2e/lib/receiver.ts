// receiver.ts is a webhook receiver the test runs itself: a Node HTTP server
// on 127.0.0.1 (roster allows plain http to loopback hosts) that keeps every
// request, and the Standard Webhooks signature check a real receiver makes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  userAgent: string;
  contentType: string;
  body: string;
  json: { id: string; type: string; version: number; occurredAt: string; data: { accountId?: string; userId: string; detachedAt?: string } };
}

/** A running receiver: its URL, what it got so far, and close. */
export interface Receiver {
  url: string;
  received: Received[];
  /** waitFor polls until a request satisfies match and returns it. */
  waitFor(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

/** startReceiver listens on a free loopback port and answers every POST with 204. */
export async function startReceiver(path: string): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h = (name: string) => String(req.headers[name] ?? '');
      try {
        received.push({
          id: h('webhook-id'),
          timestamp: h('webhook-timestamp'),
          signature: h('webhook-signature'),
          userAgent: h('user-agent'),
          contentType: h('content-type'),
          body,
          json: JSON.parse(body),
        });
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching webhook request within ${timeoutMs} ms (got ${received.length})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * signedBy reports whether one of the request's webhook-signature entries
 * (space-separated `v1,<base64>`) is the HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` keyed with the base64 part of secret
 * (`whsec_…`), as the Standard Webhooks specification has receivers check.
 */
export function signedBy(r: Received, secret: string): boolean {
  if (!secret.startsWith('whsec_')) throw new Error(`not a signing secret: ${secret}`);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const want = createHmac('sha256', key).update(`${r.id}.${r.timestamp}.${r.body}`).digest();
  return r.signature.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    if (version !== 'v1' || !sig) return false;
    const got = Buffer.from(sig, 'base64');
    return got.length === want.length && timingSafeEqual(got, want);
  });
}
