// Writes a recorded liquidation stream of N events for the ingest benchmark, in each venue's documented frame
// format, at a fixed event rate (so a bigger file spans more time, as a longer recording would). A seeded PRNG keeps
// every run identical. About 1% of lines repeat the line before (reconnect overlap) and 1 in 10,000 is broken.
// For speed, 4,096 frame bodies are drawn once per venue and stamped with each line's own times.
import { Buffer } from 'node:buffer';
import { openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { prng } from './make-inputs.js';

export const START_MS = Date.parse('2026-02-01T00:00:00Z');
/** 5 million events per 24 hours (58 a second). */
export const EVENTS_PER_MS = 5_000_000 / 86_400_000;
const SYMBOLS = 200;
const VARIANTS = 4096;

const coin = (i) => `C${i}`;

/**
 * One frame with holes for its times: `pieces[0] + (t + offsets[0]) + pieces[1] + … + pieces[n]`.
 * Returns { pieces, offsets, events }.
 */
const FRAMES = {
  binance(rnd) {
    const i = Math.floor(rnd() * SYMBOLS);
    const side = rnd() < 0.5 ? 'SELL' : 'BUY';
    const z = (rnd() * 20 + 0.001).toFixed(3);
    const ap = (rnd() * 900 + 1).toFixed(2);
    // 5% COIN-M rows (contracts × 100 USD), as the merged !forceOrder@arr stream carries them.
    const order =
      rnd() < 0.05
        ? `"s":"BTCUSD_PERP","ps":"BTCUSD","st":2,"S":"${side}","o":"LIMIT","f":"IOC","q":"${Math.ceil(z)}","p":"${ap}","ap":"${ap}","X":"FILLED","l":"${Math.ceil(z)}","z":"${Math.ceil(z)}"`
        : `"s":"${coin(i)}USDT","ps":"${coin(i)}USDT","st":1,"S":"${side}","o":"LIMIT","f":"IOC","q":"${z}","p":"${ap}","ap":"${ap}","X":"FILLED","l":"${z}","z":"${z}"`;
    return { pieces: ['{"e":"forceOrder","E":', `,"o":{${order},"T":`, '}}'], offsets: [3, 0], events: 1 };
  },
  bybit(rnd) {
    const i = Math.floor(rnd() * SYMBOLS);
    const k = 1 + Math.floor(rnd() * 3);
    const pieces = [`{"topic":"allLiquidation.${coin(i)}USDT","type":"snapshot","ts":`, ''];
    const offsets = [500];
    for (let j = 0; j < k; j++) {
      pieces[pieces.length - 1] += `${j === 0 ? ',"data":[' : ','}{"T":`;
      offsets.push(j);
      pieces.push(`,"s":"${coin(i)}USDT","S":"${rnd() < 0.5 ? 'Buy' : 'Sell'}","v":"${(rnd() * 20 + 0.001).toFixed(3)}","p":"${(rnd() * 900 + 1).toFixed(4)}"}`);
    }
    pieces[pieces.length - 1] += ']}';
    return { pieces, offsets, events: k };
  },
  okx(rnd) {
    const i = Math.floor(rnd() * SYMBOLS);
    const k = 1 + Math.floor(rnd() * 2);
    const pieces = ['{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":['];
    const offsets = [];
    for (let j = 0; j < k; j++) {
      const long = rnd() < 0.5;
      pieces[pieces.length - 1] += `${j === 0 ? '' : ','}{"bkLoss":"0","bkPx":"${(rnd() * 900 + 1).toFixed(4)}","ccy":"","posSide":"${long ? 'long' : 'short'}","side":"${long ? 'sell' : 'buy'}","sz":"${1 + Math.floor(rnd() * 500)}","ts":"`;
      offsets.push(j);
      pieces.push('"}');
    }
    pieces[pieces.length - 1] += `],"instFamily":"${coin(i)}-USDT","instId":"${coin(i)}-USDT-SWAP","instType":"SWAP","uly":"${coin(i)}-USDT"}]}`;
    return { pieces, offsets, events: k };
  },
};

/** The frame's pieces as bytes (all ASCII), to copy into the output buffer. */
function compile(frame) {
  return { ...frame, bytes: frame.pieces.map((p) => Buffer.from(p, 'latin1')) };
}

/** Writes the decimal digits of a positive integer at `pos`; returns the position after them. */
function writeInt(buf, pos, n) {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = digits - 1, x = n; i >= 0; i--, x = Math.floor(x / 10)) buf[pos + i] = 48 + (x % 10);
  return pos + digits;
}

const BATCH = 4 << 20;

/** Writes `events` events of `venue` to `path`; returns { lines, events, bytes }. */
export function writeStream(path, venue, events, seed = 7) {
  const rnd = prng(seed);
  const variants = Array.from({ length: VARIANTS }, () => compile(FRAMES[venue](rnd)));
  const broken = Buffer.from('{"e":"forceOrder","o":{"s":"BROKEN', 'latin1');
  const fd = openSync(path, 'w');
  // Lines are written as bytes into one buffer, flushed every ~4 MB: no string per line to build and encode.
  const buf = Buffer.allocUnsafe(BATCH + (64 << 10));
  const previous = Buffer.allocUnsafe(64 << 10);
  let previousLength = 0;
  let pos = 0;
  let bytes = 0;
  let lines = 0;
  let written = 0;
  const flush = () => {
    bytes += writeSync(fd, buf, 0, pos);
    pos = 0;
  };
  while (written < events) {
    const t = START_MS + Math.floor(written / EVENTS_PER_MS) + Math.floor(rnd() * 2000);
    const roll = rnd();
    if (roll < 0.01 && previousLength > 0) {
      previous.copy(buf, pos, 0, previousLength); // a repeated frame: a line, not a new event
      pos += previousLength;
    } else if (roll < 0.0101) {
      broken.copy(buf, pos);
      pos += broken.length;
    } else {
      const frame = variants[Math.floor(rnd() * VARIANTS)];
      const start = pos;
      pos += frame.bytes[0].copy(buf, pos);
      for (let j = 0; j < frame.offsets.length; j++) {
        pos = writeInt(buf, pos, t + frame.offsets[j]);
        pos += frame.bytes[j + 1].copy(buf, pos);
      }
      written += frame.events;
      previousLength = buf.copy(previous, 0, start, pos);
    }
    buf[pos++] = 10;
    lines++;
    if (pos > BATCH) flush();
  }
  if (pos > 0) flush();
  closeSync(fd);
  return { lines, events: written, bytes };
}

/** OKX's instrument list for the generated instruments: linear, ctVal 0.1 each. */
export function writeOkxInstruments(path) {
  const data = [];
  for (let i = 0; i < SYMBOLS; i++) data.push({ instType: 'SWAP', instId: `${coin(i)}-USDT-SWAP`, instFamily: `${coin(i)}-USDT`, ctType: 'linear', ctVal: '0.1', ctMult: '1', ctValCcy: coin(i) });
  writeFileSync(path, JSON.stringify({ code: '0', msg: '', data }));
}

/** The window that holds every generated event of a file of `events` at the fixed rate. */
export function windowFor(events) {
  const span = Math.ceil(events / EVENTS_PER_MS) + 60_000;
  const day = 86_400_000;
  return { from: new Date(START_MS).toISOString(), to: new Date(START_MS + Math.ceil(span / day) * day).toISOString() };
}
