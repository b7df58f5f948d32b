/**
 * The simulator's bookkeeping: a running sequence, a replica's queues, the event heap (earliest
 * iteration end first) and append-only typed columns for the logs. Internal to simulate.ts.
 */
export interface Seq {
  req: number;
  /** Tokens to prefill in this admission (prompt, plus generated tokens after a preemption). */
  prefillTarget: number;
  prefilled: number;
  /** KV tokens held while prefilling (the reserved prefill target); for a decoder, at joining. */
  kv: number;
  /** Tokens generated when it last joined the decoders (or so far, while not decoding). */
  generated: number;
  output: number;
  admitted: number;
  /** Decoding: the replica's iteration count when it joined, and the iteration that ends it. */
  decoding: boolean;
  joinIter: number;
  finishIter: number;
  /** Bumped when it leaves the decoders, so stale heap entries are skipped. */
  epoch: number;
  lastToken: number;
  measured: boolean;
  /** Prefill tokens scheduled in the current iteration. */
  chunk: number;
  /** Prompt tokens in the shared prefix cache: never prefilled, not in `kv` (pinned once per replica), read by attention. */
  cached: number;
  /** Decode stage: arrives prefilled (joins the decoders on admission) until a preemption makes it recompute. */
  ready: boolean;
  /** KV tokens held in the host tier while it waits after a preemption (0: none). */
  offloaded: number;
}

/** A decoder in the finish-order heap (with the epoch it was pushed at). */
export interface HeapEntry {
  at: number;
  seq: Seq;
  epoch: number;
}

export interface Replica {
  index: number;
  queue: Seq[];
  queueHead: number;
  /** Admitted sequences in admission order (prefilling and decoding). */
  running: Seq[];
  /** Admitted sequences still prefilling, in admission order. */
  prefilling: Seq[];
  /** Decoders by the iteration at which they finish (a binary min-heap). */
  heap: HeapEntry[];
  nDecoding: number;
  nMeasuredDecoding: number;
  /** Σ over decoders of their KV tokens before this iteration's token. */
  decodeKv: number;
  /** Iterations started. A decoder's KV and tokens grow by one each iteration. */
  iter: number;
  kvUsed: number;
  /** KV tokens this replica holds in the host tier. */
  hostUsed: number;
  busyUntil: number;
  busy: boolean;
  iterDuration: number;
  /** Decoders that get a token in the running iteration, and how many of them are measured. */
  iterDecoders: number;
  iterMeasured: number;
  lastEnd: number;
}

export function heapPush(h: HeapEntry[], e: HeapEntry) {
  h.push(e);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h[p]!.at <= e.at) break;
    h[i] = h[p]!;
    i = p;
  }
  h[i] = e;
}

export function heapPop(h: HeapEntry[]): HeapEntry {
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const c = l + 1 < h.length && h[l + 1]!.at < h[l]!.at ? l + 1 : l;
      if (h[c]!.at >= last.at) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
  return top;
}

/** Columns of numbers appended a row at a time (one capacity check per row), read as views. */
export class Columns {
  cols: Float64Array[];
  n = 0;
  cap: number;
  constructor(width: number, cap: number) {
    this.cap = Math.max(1024, Math.ceil(cap));
    this.cols = Array.from({ length: width }, () => new Float64Array(this.cap));
  }
  /** Room for one more row (doubling). */
  room() {
    if (this.n < this.cap) return;
    this.cap *= 2;
    this.cols = this.cols.map((c) => {
      const d = new Float64Array(this.cap);
      d.set(c);
      return d;
    });
  }
  /** Column `k` of the rows so far (a view, no copy). */
  column(k: number): Float64Array {
    return this.cols[k]!.subarray(0, this.n);
  }
}
