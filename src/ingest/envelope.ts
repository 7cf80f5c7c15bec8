/**
 * The CoinGlass v4 response envelope: `{"code":"0","msg":"success","data":…}`.
 *
 * `code` is a string and "0" is the only success. CoinGlass answers HTTP 200
 * even when the body is an error (e.g. code "401"/"403" with msg "Upgrade
 * plan"), so a saved response must be judged by its body, never by the fact
 * that it was saved. Any error envelope is fatal: its `data` is not data.
 */
import type { IngestProblem } from './types.js';
import { preview } from './preview.js';
import { forTerminal } from '../util/terminal.js';

export type EnvelopeResult = { ok: true; data: unknown } | { ok: false; problem: IngestProblem };

export function checkCoinglassEnvelope(value: unknown): EnvelopeResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('malformed', `expected a CoinGlass response object {"code","msg","data"}, got ${kindOf(value)}`);
  }
  const body = value as Record<string, unknown>;
  if (!('code' in body)) {
    return fail('malformed', 'not a CoinGlass v4 response: it has no "code" field (save the whole response body, not only "data")');
  }
  const code = body['code'];
  const msg = typeof body['msg'] === 'string' ? body['msg'] : '';
  // The documented success is the string "0"; a numeric 0 is accepted too, since some clients re-serialise bodies.
  if (code !== '0' && code !== 0) {
    // The message is the provider's text: escaped and cut, since it is printed on the user's terminal.
    const said = msg ? `: ${forTerminal(msg)}` : '';
    return fail('api-error', `CoinGlass answered with error code ${preview(code, 40)}${said} (HTTP 200 can carry an error; check the API key's plan)`);
  }
  if (!('data' in body) || body['data'] === null || body['data'] === undefined) {
    return fail('malformed', 'the CoinGlass response says success but has no "data"');
  }
  return { ok: true, data: body['data'] };
}

function fail(kind: IngestProblem['kind'], message: string): EnvelopeResult {
  return { ok: false, problem: { line: null, kind, message } };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : typeof v;
}
