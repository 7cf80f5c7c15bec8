/**
 * The studio's three locks, kept apart from the routes so each can be read
 * (and tested) on its own:
 * - a per-run token, embedded in the page: another site's page cannot read
 *   it, so it cannot send a request the server accepts (no CSRF);
 * - the `Host` header must name the address the server listens on (no DNS
 *   rebinding: a hostile name that resolves to 127.0.0.1 is refused), and a
 *   state-changing request's `Origin` must be this server;
 * - a path from a request never leaves its folder: `..`, absolute paths,
 *   backslashes, encoded slashes and symlinks pointing out are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import type { IncomingMessage } from 'node:http';

/** 128 random bits, hex. From the operating system's generator: the token guards writes, it is not an output. */
export const newToken = (): string => randomBytes(16).toString('hex');

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Whether an address is loopback (binding anything else prints a warning). */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The `Host` values this server answers to: the loopback names, and the bound address, at its port. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  names.add(host.includes(':') ? `[${host}]` : host);
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

export type Refusal = { status: 400 | 403 | 404; message: string };

/** Every request: the Host header must be ours. A state-changing one also needs our Origin and the token header. */
export function checkRequest(req: IncomingMessage, hosts: Set<string>, token: string, url: URL): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return { status: 403, message: 'unknown Host header: open the address liqnews studio printed' };
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    const given = req.headers['x-liqnews-token'] ?? url.searchParams.get('token');
    return sameToken(Array.isArray(given) ? given[0] : given, token) ? null : { status: 403, message: 'missing or wrong token: open the address liqnews studio printed' };
  }
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || !hosts.has(origin.replace(/^http:\/\//i, '').toLowerCase()) || !/^http:\/\//i.test(origin)) {
    return { status: 403, message: 'refused: the request does not come from the studio page' };
  }
  const given = req.headers['x-liqnews-token'];
  return sameToken(Array.isArray(given) ? given[0] : given, token) ? null : { status: 403, message: 'missing or wrong token' };
}

/**
 * A snapshot named by a request, as a path relative to the snapshots folder
 * (`day.json`, `btc/day.json`), checked before and after the file system
 * resolves it. `raw` is still percent-encoded, so an encoded slash or dot
 * can be told from a real one. Returns the real path, or why not.
 */
export function confinedSnapshot(root: string, raw: string): { path: string; rel: string } | Refusal {
  if (raw === '' || raw.length > 1024) return { status: 400, message: 'no snapshot named' };
  if (/%2f|%5c|%00/i.test(raw)) return { status: 400, message: 'encoded slashes are not allowed in a snapshot name' };
  let rel: string;
  try {
    rel = decodeURIComponent(raw);
  } catch {
    return { status: 400, message: 'malformed snapshot name' };
  }
  if (isAbsolute(rel) || rel.includes('\\') || rel.includes('\0')) return { status: 400, message: 'a snapshot name is a path inside the folder' };
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'))) return { status: 400, message: 'a snapshot name has no "..", "." or hidden parts' };
  if (!rel.endsWith('.json')) return { status: 404, message: 'not a snapshot' };
  let real: string;
  let base: string;
  try {
    base = realpathSync(root);
    real = realpathSync(join(base, rel));
  } catch {
    return { status: 404, message: 'no such snapshot' };
  }
  // A symlink may point anywhere: the resolved file must still be inside the resolved folder.
  if (!real.startsWith(base + sep)) return { status: 404, message: 'no such snapshot' };
  try {
    if (!statSync(real).isFile()) return { status: 404, message: 'no such snapshot' };
  } catch {
    return { status: 404, message: 'no such snapshot' };
  }
  return { path: real, rel };
}

export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'status' in x && 'message' in x;
