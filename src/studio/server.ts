/**
 * The studio's routes, on `node:http`: a handful of routes (one page, four
 * reads, three writes, one event stream) need no framework, and the product
 * keeps no web dependency to update for them.
 *
 *   GET  /?token=…                 the desk
 *   GET  /api/stories              the list
 *   GET  /api/story/<file>?style=&sections=&compare=&avoid=   one story (sections: --sections syntax;
 *                                  compare: a second style, rendered beside it; avoid: JSON slot → seen indices)
 *   GET  /api/events?token=…       server-sent events: "change" when a folder changes
 *   POST /api/regenerate | /api/publish | /api/skip   JSON bodies, token and Origin checked
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { isStyleName, type StyleName } from '../plan/styles.js';
import { parseSections } from '../plan/sections.js';
import { chartsWanted, loadCharts } from '../chart/engine.js';
import { safeJson } from '../render/escape.js';
import { allowedHosts, checkRequest, confinedSnapshot, isRefusal, newToken } from './security.js';
import { problemText, storyRows, type RenderRequest, type StudioFolders } from './stories.js';
import { storyView } from './view.js';
import { readState, recordSkip, writeStory } from './actions.js';
import { deskPage } from './page.js';
import { watchFolders } from './watch.js';

export interface StudioOptions {
  snapshots: string;
  out: string;
  host: string;
  /** 0: any free port (tests). */
  port: number;
  now: Date;
  /** The history store's file (used when it exists), or null for none. */
  history?: string | null;
  /** Fixed token (tests); default: a new random one. */
  token?: string;
  /** The desk's sections when the page asks for none, in `--sections` syntax; default {@link DESK_SECTIONS}. */
  sections?: string | null;
}

/** The "with the chart and table": the style's default sections plus those two. */
export const DESK_SECTIONS = '+table,+chart';

export interface RunningStudio {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const BODY_LIMIT = 64 * 1024;

export async function startStudio(o: StudioOptions): Promise<RunningStudio> {
  const folders: StudioFolders = { snapshots: resolve(o.snapshots), out: resolve(o.out), now: o.now, history: o.history ? resolve(o.history) : null };
  const token = o.token ?? newToken();
  const deskSections = o.sections ?? DESK_SECTIONS;
  const checked = parseSections(deskSections);
  if (typeof checked === 'string') throw new Error(checked);
  const clients = new Set<ServerResponse>();
  let hosts = new Set<string>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { ok: false, message: `internal error: ${problemText(e)}` }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const url = new URL(req.url ?? '/', 'http://studio.invalid');
    const refused = checkRequest(req, hosts, token, url);
    if (refused) return send(res, refused.status, { ok: false, message: refused.message });
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      if (rawPath === '/') return page(res);
      if (rawPath === '/api/stories') return send(res, 200, { stories: storyRows(folders, readState(folders.out).skipped) });
      if (rawPath === '/api/events') return events(req, res);
      if (rawPath.startsWith('/api/story/')) {
        const found = confinedSnapshot(folders.snapshots, rawPath.slice('/api/story/'.length));
        if (isRefusal(found)) return send(res, found.status, { ok: false, message: found.message });
        const request = renderRequest({ style: url.searchParams.get('style'), sections: url.searchParams.get('sections'), avoid: parseJson(url.searchParams.get('avoid')) }, deskSections);
        if (typeof request === 'string') return send(res, 400, { ok: false, message: request });
        const compare = url.searchParams.get('compare') || null;
        if (compare !== null && compare !== 'auto' && !isStyleName(compare)) return send(res, 400, { ok: false, message: `unknown style "${compare}" to compare with` });
        try {
          await chartsFor(request);
          return send(res, 200, storyView(found.path, found.rel, folders, { ...request, compare }, readState(folders.out).skipped[found.rel] ?? null));
        } catch (e) {
          return send(res, 422, { ok: false, message: problemText(e) });
        }
      }
      return send(res, 404, { ok: false, message: 'no such page' });
    }
    if (method !== 'POST') return send(res, 405, { ok: false, message: 'only GET and POST' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return send(res, 415, { ok: false, message: 'send JSON' });
    const body = await readBody(req);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, { ok: false, message: 'the body must be a JSON object' });
    const b = body as Record<string, unknown>;
    if (typeof b['file'] !== 'string') return send(res, 400, { ok: false, message: 'file must be a snapshot name' });
    // The name from a body is checked as if it were a path of the URL, each part encoded.
    const found = confinedSnapshot(folders.snapshots, b['file'].split('/').map(encodeURIComponent).join('/'));
    if (isRefusal(found)) return send(res, found.status, { ok: false, message: found.message });
    if (rawPath === '/api/skip') {
      const reason = b['reason'] === null ? null : typeof b['reason'] === 'string' && b['reason'].trim() !== '' ? b['reason'].trim() : 'skipped in the studio';
      recordSkip(folders.out, found.rel, reason);
      notify();
      return send(res, 200, { ok: true, message: reason === null ? `${found.rel} back in the list` : `${found.rel} skipped` });
    }
    if (rawPath !== '/api/regenerate' && rawPath !== '/api/publish') return send(res, 404, { ok: false, message: 'no such action' });
    const request = renderRequest(b, deskSections);
    if (typeof request === 'string') return send(res, 400, { ok: false, message: request });
    try {
      await chartsFor(request);
      const result = writeStory(found.path, folders, {
        ...request,
        draft: rawPath !== '/api/publish',
        force: b['force'] === true,
        confirm: typeof b['confirm'] === 'string' ? b['confirm'] : undefined,
      });
      return send(res, result.ok ? 200 : 409, result);
    } catch (e) {
      return send(res, 422, { ok: false, message: problemText(e) });
    }
  }

  function page(res: ServerResponse): void {
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      // Nothing from elsewhere: the page's one script and style carry the nonce, requests go back to this server only.
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    });
    res.end(deskPage(token, nonce));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  function notify(): void {
    for (const c of clients) c.write('event: change\ndata: {}\n\n');
  }

  const watcher = watchFolders([folders.snapshots, folders.out], notify);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => ok());
  });
  // The desk shows the chart by default: vega (a second or so to import) loads now, after the port is open, so the
  // server starts as fast as before and the first story seldom waits. A desk without the chart never imports it.
  if (chartsWanted(['html'], deskSections)) loadCharts().catch(() => undefined);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : o.port;
  hosts = allowedHosts(o.host, port);
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      watcher.close();
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

function send(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return void res.end();
  // safeJson: no `<`, `>` or `&` literally, so a snapshot string cannot read as markup even if the JSON is shown as a page.
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-security-policy': "default-src 'none'" });
  res.end(safeJson(value));
}

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('bad');
  }
}

/** vega, imported once per process (chart/engine.ts), before the first render that draws a chart. */
const chartsFor = async (req: RenderRequest): Promise<void> => {
  if (chartsWanted(['html'], req.sections)) await loadCharts();
};

/** The style, the sections and the seen alternatives of a request, checked; a string says what is wrong. */
function renderRequest(b: Record<string, unknown>, deskSections: string): RenderRequest | string {
  const style = b['style'] ?? 'auto';
  if (style !== 'auto' && (typeof style !== 'string' || !isStyleName(style))) return `unknown style "${String(style)}"`;
  const sections = b['sections'] ?? deskSections;
  if (typeof sections !== 'string' || sections.length > 100) return 'sections must be a --sections text, such as +table,+chart or none';
  const problem = parseSections(sections);
  if (typeof problem === 'string') return problem;
  const base = { style: style as StyleName | 'auto', sections };
  const avoid = b['avoid'];
  if (avoid === undefined || avoid === null) return base;
  if (typeof avoid !== 'object' || Array.isArray(avoid)) return 'avoid must be an object: slot → list of alternative numbers';
  const out: Record<string, number[]> = {};
  for (const [slot, list] of Object.entries(avoid)) {
    if (!Array.isArray(list) || list.length > 50 || !list.every((k) => Number.isInteger(k) && k >= 0 && k < 100)) return `avoid.${slot} must be a list of alternative numbers`;
    out[slot] = list as number[];
  }
  return { ...base, avoid: out };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
