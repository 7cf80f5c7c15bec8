/**
 * Recorded stream lines in, a `StreamAggregate` out. One line is one frame
 * (NDJSON), as the venue sent it or inside a combined-stream wrapper
 * `{"stream":…,"data":…}`. Each frame is recognised by its own shape, so a
 * frame from another stream is reported instead of being misread:
 *
 *   Binance  {"e":"forceOrder",…}
 *   Bybit    {"topic":"allLiquidation.<symbol>",…}
 *   OKX      {"arg":{"channel":"liquidation-orders",…},"data":[…]}
 *            (or a one-line REST answer {"code":"0","data":[{…"details":[…]}]})
 *
 * Subscription acknowledgements and ping/pong are counted as control frames.
 * Everything else that is not a liquidation of a requested source is a
 * problem with its line number: never summed, never dropped unsaid.
 */
import type { IngestWindow } from '../types.js';
import { builtInContracts, type ContractTable } from '../contracts.js';
import { DEFAULT_MERGE_HEAD_MS, StreamAggregate } from '../aggregate.js';
import { STREAM_KIND, VENUE_NAME, type LiquidationEvent, type StreamKind, type StreamSource } from './event.js';
import { decodeContext, isObject, named, show, type DecodeContext, type FrameSink, type ProblemKind, type Raw } from './decode.js';
import { decodeBinance } from './binance.js';
import { decodeBybit } from './bybit.js';
import { decodeOkx } from './okx.js';
import { forEachLine } from './lines.js';
import { fastBinance, fastBybit, fastOkx } from './fast.js';
import { MAX_FRAME_DEPTH, tooDeepAt, tooDeepMessage } from '../json-depth.js';
import { forTerminal } from '../../util/terminal.js';

/** Arrays and combined-stream wrappers around one frame: recorders add one or two; more is not a recording. */
const MAX_WRAPPING = 8;

export interface StreamIngestOptions {
  /** The sources this input may hold; frames of other streams are problems. */
  sources: readonly StreamSource[];
  window: IngestWindow;
  /** Contract sizes (default: the built-in table). */
  contracts?: ContractTable;
  /** How much of this piece's start a later `merge` into an earlier piece can take back (default 15 minutes). */
  mergeHeadMs?: number;
  /** Frames in the documented layout skip JSON.parse (fast.ts); false sends every line through JSON.parse (tests compare the two). */
  fastPath?: boolean;
}

const DECODERS: Record<StreamKind, (frame: Raw, ctx: DecodeContext, sink: FrameSink) => void> = {
  binance: decodeBinance,
  bybit: decodeBybit,
  okx: decodeOkx,
};

/** Feeds lines to an aggregate. One instance per run; `file` changes between inputs. */
export class StreamIngester implements FrameSink {
  readonly aggregate: StreamAggregate;
  private readonly kinds: ReadonlySet<StreamKind>;
  private readonly ctx: DecodeContext;
  private readonly sourceList: string;
  private file = '';
  private lineNo = 0;
  private readonly fastBinance: boolean;
  private readonly fastBybit: boolean;
  private readonly fastOkx: boolean;

  constructor(options: StreamIngestOptions) {
    this.aggregate = new StreamAggregate(options.window, options.mergeHeadMs ?? DEFAULT_MERGE_HEAD_MS);
    this.kinds = new Set(options.sources.map((s) => STREAM_KIND[s]));
    this.ctx = decodeContext(options.contracts ?? builtInContracts(), options.sources.includes('binance'));
    this.sourceList = options.sources.join(', ');
    const fast = options.fastPath !== false;
    this.fastBinance = fast && this.kinds.has('binance');
    this.fastBybit = fast && this.kinds.has('bybit');
    this.fastOkx = fast && this.kinds.has('okx');
  }

  /** COIN-M rows read from an input of the `binance` source (see DecodeContext). */
  get coinMRowsInUsdM(): number {
    return this.ctx.coinMRowsInUsdM;
  }

  /** Reads one input to its end. `label` names it in problems. */
  async read(label: string, source: AsyncIterable<string | Uint8Array>, progress?: (bytes: number) => void, firstLine = 1): Promise<void> {
    this.file = label;
    await forEachLine(
      source,
      {
        line: (text, n) => this.line(text, n),
        overlong: (n) => {
          this.aggregate.count('lines');
          this.aggregate.problem(label, n, 'malformed', 'line longer than 16 MiB: not a frame (a missing line break?); skipped');
        },
        ...(progress ? { progress } : {}),
      },
      firstLine,
    );
  }

  /** One line of text: blank, control, a frame of a requested stream, or a problem. */
  line(text: string, lineNo: number): void {
    this.lineNo = lineNo;
    const agg = this.aggregate;
    agg.countLine();
    const c = text.charCodeAt(0);
    if (c !== 123 /* { */) {
      if (text.trim() === '') agg.count('blankLines');
      else if (/^\s*"?(ping|pong)"?\s*$/i.test(text)) agg.count('controlFrames');
      else if (/^\s*[{[]/.test(text)) this.parse(text);
      else this.problem('malformed', `not a JSON frame: ${show(text.slice(0, 40))}`);
      return;
    }
    // `{"e"…` / `{"stream"…` may be Binance's documented layout, `{"topic"…` Bybit's, `{"arg"…` / `{"id"…` OKX's
    // (src/ingest/streams/fast.ts); anything else, or no match, is parsed.
    const c2 = text.charCodeAt(2);
    if (c2 === 101 /* e */ || c2 === 115 /* s */) {
      if (this.fastBinance && fastBinance(text, this.ctx, this)) return;
    } else if (c2 === 116 /* t */) {
      if (this.fastBybit && fastBybit(text, this.ctx, this)) return;
    } else if (c2 === 97 /* a */ || c2 === 105 /* i */) {
      if (this.fastOkx && fastOkx(text, this.ctx, this)) return;
    }
    this.parse(text);
  }

  private parse(text: string): void {
    // Before JSON.parse, by a scan: a frame nested deeper than any venue sends is a bad line, not a stack overflow later.
    const deep = tooDeepAt(text, MAX_FRAME_DEPTH);
    if (deep >= 0) return this.problem('malformed', tooDeepMessage(MAX_FRAME_DEPTH, deep));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const why = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : String(e);
      this.problem('malformed', `not valid JSON (${why.length > 80 ? `${why.slice(0, 77)}…` : why})`);
      return;
    }
    this.frame(value);
  }

  /**
   * One parsed frame: unwraps a combined stream, recognises the stream, decodes.
   * `depth` counts the arrays and wrappers around it: a frame is at most a few
   * levels inside them, so anything deeper is refused here rather than walked.
   */
  frame(value: unknown, depth = 0): void {
    if (depth > MAX_WRAPPING) return this.problem('malformed', `frames wrapped more than ${MAX_WRAPPING} deep in arrays or combined-stream wrappers; not read`);
    if (Array.isArray(value)) {
      for (const v of value) this.frame(v, depth + 1);
      return;
    }
    if (!isObject(value)) return this.problem('malformed', `expected a JSON object frame, got ${show(value)}`);
    const wrapped = value['data'];
    if (typeof value['stream'] === 'string' && wrapped !== undefined && value['e'] === undefined) {
      // Binance combined stream; despite "@arr", data is one object, but an array is read too.
      if (Array.isArray(wrapped)) for (const v of wrapped) this.frame(v, depth + 2);
      else this.frame(wrapped, depth + 1);
      return;
    }
    const kind = this.recognise(value);
    if (kind === null) return;
    if (!this.kinds.has(kind)) {
      return this.problem('other-stream', `a ${VENUE_NAME[kind]} ${STREAM_NAME[kind]} frame in an input read as ${this.sourceList}; not summed (to add it: --source ${kind} for its file, and --combine sum)`);
    }
    DECODERS[kind](value, this.ctx, this);
  }

  /** The stream a frame belongs to; null when it was handled here (control frame or problem). */
  private recognise(f: Raw): StreamKind | null {
    const e = f['e'];
    if (e === 'forceOrder') return 'binance';
    const topic = f['topic'];
    if (typeof topic === 'string') {
      if (topic.startsWith('allLiquidation.')) return 'bybit';
      if (topic.startsWith('liquidation.')) {
        this.problem('other-stream', `Bybit's retired "${named(topic)}" topic (at most one liquidation per second, not all); record allLiquidation.<symbol> instead`);
      } else this.problem('other-stream', `Bybit topic "${named(topic)}" is not a liquidation stream`);
      return null;
    }
    const arg = f['arg'];
    if (isObject(arg) && typeof arg['channel'] === 'string') {
      if (typeof f['event'] === 'string') return this.okxEvent(f);
      if (arg['channel'] === 'liquidation-orders') return 'okx';
      this.problem('other-stream', `OKX channel "${named(arg['channel'])}" is not liquidation-orders`);
      return null;
    }
    if (typeof f['event'] === 'string') return this.okxEvent(f);
    if ('code' in f && Array.isArray(f['data'])) {
      // An OKX REST answer saved as one line: the same data[] as the push, after its envelope.
      if (f['code'] !== '0' && f['code'] !== 0) {
        this.problem('api-error', `OKX answered with error code ${show(f['code'])}${typeof f['msg'] === 'string' && f['msg'] ? `: ${forTerminal(f['msg'])}` : ''}`);
        return null;
      }
      const first: unknown = f['data'][0];
      if (f['data'].length === 0) {
        this.aggregate.count('controlFrames');
        return null;
      }
      if (isObject(first) && Array.isArray(first['details'])) return 'okx';
    }
    if (typeof e === 'string') {
      this.problem('other-stream', `Binance "${named(e)}" event, not forceOrder`);
      return null;
    }
    // Binance {"result":null,"id":1}; Bybit {"success":true,"op":"subscribe",…} and {"op":"pong",…}.
    if (('result' in f && 'id' in f) || typeof f['op'] === 'string' || typeof f['ret_msg'] === 'string') {
      if (f['success'] === false) this.problem('api-error', `Bybit refused a request: ${show(f['ret_msg'])}`);
      else this.aggregate.count('controlFrames');
      return null;
    }
    this.problem('other-stream', `a frame of no known liquidation stream (keys ${show(Object.keys(f).slice(0, 6).join(','))})`);
    return null;
  }

  private okxEvent(f: Raw): null {
    if (f['event'] === 'error') this.problem('api-error', `OKX error event ${show(f['code'])}: ${show(f['msg'])} (the subscription may have failed: a gap in the recording)`);
    else this.aggregate.count('controlFrames');
    return null;
  }

  // FrameSink, called by the decoders.
  event(e: LiquidationEvent): void {
    this.aggregate.add(e);
  }

  problem(kind: ProblemKind, message: string): void {
    this.aggregate.problem(this.file, this.lineNo, kind, message);
  }

  zeroSize(): void {
    this.aggregate.count('zeroSize');
  }
}

const STREAM_NAME: Record<StreamKind, string> = { binance: 'forceOrder', bybit: 'allLiquidation', okx: 'liquidation-orders' };
