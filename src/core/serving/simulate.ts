/**
 * A continuous-batching (iteration-level) serving simulator, following CONTRACT.md "Serving".
 *
 * Discrete events in time order: request arrivals, and the end of each replica's iteration. An
 * iteration (Orca / vLLM scheduling) admits waiting requests while fewer than maxSequences run and
 * the free KV cache holds the prompt; gives every sequence past its prefill one decode token
 * (preempting the most recently admitted sequence, whose cache is freed and recomputed later,
 * when the cache cannot grow); then fills the rest of maxBatchedTokens with prefill tokens in
 * admission order, whole prompts or chunks. Its duration comes from a step-time function of the
 * iteration's aggregate shape (the core's per-operation roofline), so the simulator itself knows
 * no hardware. Pure and deterministic for a seed.
 */
import { Random } from "./rng";
import { cachedTokens, cappedPairs, drawLength, type IterationShape, type ReplicaModel, type ServingSpec, type SimulateOptions, type SimulationTrace } from "./spec";
import { Columns, heapPop, heapPush, type Replica, type Seq } from "./events";

export * from "./spec";

/** Runs the simulation to the completion of every request, logging every iteration and gap. */
export function simulate(spec: ServingSpec, model: ReplicaModel, opts: SimulateOptions = {}): SimulationTrace {
  const stage = opts.stage ?? "both";
  const given = opts.given;
  const N = given ? given.arrival.length : spec.requests;
  const rng = new Random(spec.seed);
  const { maxSequences, maxBatchedTokens, chunkedPrefill } = spec.scheduler;
  const W = model.window;
  const cap = model.kvCapacityTokens;
  const warmup = Math.floor(N / 10);

  // Lengths (and open-loop arrival times) drawn in request order from one stream.
  const arrival = given ? Float64Array.from(given.arrival) : new Float64Array(N).fill(NaN);
  const prompt = given ? given.prompt : new Int32Array(N);
  const output = given ? given.output : new Int32Array(N);
  const cached = given ? given.cached : new Int32Array(N);
  const closed = !given && spec.concurrency !== undefined;
  // the shared prefix, pinned in every replica's cache when any request can hit it
  const pinned = spec.prefixCache && spec.prefixCache.hitRate > 0 ? spec.prefixCache.sharedPrefixTokens : 0;
  let t = 0;
  for (let i = 0; i < (given ? 0 : N); i++) {
    if (!closed) {
      const rate = spec.requestRate!;
      const mean = 1 / rate;
      const gap = spec.arrival === "uniform" ? mean : spec.arrival === "gamma" ? rng.gamma(mean, spec.burstiness) : rng.exponential(mean);
      t += i === 0 && spec.arrival === "uniform" ? 0 : gap;
      arrival[i] = t;
    }
    prompt[i] = drawLength(spec.promptTokens, rng);
    output[i] = drawLength(spec.outputTokens, rng);
    cached[i] = cachedTokens(i, prompt[i]!, spec.prefixCache);
  }
  /** Output tokens this replica produces for request i: the first only in a prefill pool. */
  const outOf = (i: number) => (stage === "prefill" ? 1 : output[i]!);

  const firstScheduled = new Float64Array(N).fill(NaN);
  const firstToken = new Float64Array(N).fill(NaN);
  const completion = new Float64Array(N).fill(NaN);
  const rejected = new Uint8Array(N);
  const lastTokenAt = new Float64Array(N).fill(NaN);
  // per iteration: start, duration, replica, running, waiting, KV used; per gap run: value, weight
  // Sized for about one iteration per output token of a lone request (the most there can be,
  // but for preemptions), capped so that a huge run grows as it goes instead.
  const meanOut = spec.outputTokens.dist === "uniform" ? (spec.outputTokens.min + spec.outputTokens.max) / 2 : spec.outputTokens.mean;
  const expected = Math.min(4e6, N * (meanOut + 2));
  const log = new Columns(6, expected / 4);
  const [lStart, lDur, lRep, lRun, lWait, lKv] = [0, 1, 2, 3, 4, 5];
  const gaps = new Columns(2, expected / 4);
  const logGap = (value: number, weight: number) => {
    gaps.room();
    gaps.cols[0]![gaps.n] = value;
    gaps.cols[1]![gaps.n++] = weight;
  };
  let preemptions = 0;
  let offloads = 0;
  let reloadedTokens = 0;
  const host = model.host;
  let admitCounter = 0;

  const replicas: Replica[] = Array.from({ length: spec.replicas }, (_, index) => ({
    index,
    queue: [],
    queueHead: 0,
    running: [],
    prefilling: [],
    heap: [],
    nDecoding: 0,
    nMeasuredDecoding: 0,
    decodeKv: 0,
    iter: 0,
    kvUsed: pinned,
    hostUsed: 0,
    busyUntil: Infinity,
    busy: false,
    iterDuration: 0,
    iterDecoders: 0,
    iterMeasured: 0,
    lastEnd: 0,
  }));

  /** Whether a request can never be served: longer than the whole cache, or (unchunked) than a batch. */
  const neverFits = (i: number) => prompt[i]! - cached[i]! + outOf(i) > cap - pinned || (!chunkedPrefill && prompt[i]! - cached[i]! > maxBatchedTokens);

  // Closed loop: the next request to send, and sends waiting to happen at a time.
  let nextToSend = 0;
  const pendingSends: number[] = []; // times at which a client sends its next request
  if (closed) for (let c = 0; c < Math.min(spec.concurrency!, N); c++) pendingSends.push(0);
  let nextOpen = 0; // open loop: next request by arrival

  const waitingOf = (r: Replica) => r.queue.length - r.queueHead;
  const pick = () => {
    let best = replicas[0]!;
    let load = Infinity;
    for (const r of replicas) {
      const l = r.running.length + waitingOf(r);
      if (l < load) {
        load = l;
        best = r;
      }
    }
    return best;
  };

  const enqueue = (i: number, now: number) => {
    arrival[i] = now;
    if (neverFits(i)) {
      rejected[i] = 1;
      if (closed) pendingSends.push(now);
      return;
    }
    const r = pick();
    const ready = stage === "decode";
    r.queue.push({
      req: i,
      prefillTarget: prompt[i]!,
      prefilled: ready ? prompt[i]! : cached[i]!,
      kv: 0,
      generated: ready ? 1 : 0,
      output: outOf(i),
      admitted: 0,
      decoding: false,
      joinIter: 0,
      finishIter: 0,
      epoch: 0,
      lastToken: NaN,
      measured: given ? given.measured[i] === 1 : i >= warmup,
      chunk: 0,
      cached: cached[i]!,
      ready,
      offloaded: 0,
    });
    if (ready) {
      firstToken[i] = now; // it arrives with its first token
      lastTokenAt[i] = now;
    }
    if (!r.busy) startIteration(r, now);
  };

  /** A decoder's KV tokens and tokens generated now, between iterations (lazy: +1 per iteration). */
  const grown = (r: Replica, s: Seq) => r.iter - s.joinIter;

  const joinDecoders = (r: Replica, s: Seq) => {
    s.decoding = true;
    s.joinIter = r.iter;
    s.finishIter = r.iter + (s.output - s.generated);
    heapPush(r.heap, { at: s.finishIter, seq: s, epoch: s.epoch });
    r.nDecoding++;
    if (s.measured) r.nMeasuredDecoding++;
    r.decodeKv += s.kv + s.cached;
  };

  const leaveDecoders = (r: Replica, s: Seq) => {
    const g = grown(r, s);
    s.kv += g;
    s.generated += g;
    s.decoding = false;
    s.epoch++;
    r.nDecoding--;
    if (s.measured) r.nMeasuredDecoding--;
    r.decodeKv -= s.kv + s.cached;
  };

  const remove = (list: Seq[], s: Seq) => {
    const k = list.lastIndexOf(s);
    if (k >= 0) list.splice(k, 1);
  };

  /** Preempts the most recently admitted sequence: its cache is freed, its tokens recomputed later. */
  const preemptLast = (r: Replica) => {
    const s = r.running.pop()!;
    if (s.decoding) {
      leaveDecoders(r, s);
      s.lastToken = r.lastEnd; // decoders get a token every iteration
    } else remove(r.prefilling, s);
    r.kvUsed -= s.kv;
    // the tokens it has computed: a decoder's whole cache, a prefill's chunks so far
    const computed = s.prefilled >= s.prefillTarget ? s.kv : s.prefilled - s.cached;
    if (host && computed > 0 && r.hostUsed + computed <= host.capacityTokens) {
      s.offloaded = computed; // kept on the host: nothing to recompute
      r.hostUsed += computed;
      offloads++;
    } else {
      s.prefillTarget = prompt[s.req]! + s.generated;
      s.prefilled = s.cached;
    }
    s.kv = 0;
    s.ready = false;
    preemptions++;
    if (r.queueHead > 0) r.queue[--r.queueHead] = s;
    else r.queue.unshift(s);
  };

  // Decode stretches run without the event loop only on one replica: with several, an arrival's
  // replica depends on the others' state at its time.
  const stretches = spec.replicas === 1;
  const shape: IterationShape = {
    decodeSeqs: 0,
    decodeKeys: 0,
    decodeKeysWindowed: 0,
    prefillTokens: 0,
    prefillPairs: 0,
    prefillPairsWindowed: 0,
    prefillPriorKeys: 0,
    prefillPriorKeysWindowed: 0,
    prefillNewKeysWindowed: 0,
    logitRows: 0,
    sequences: 0,
  };

  function startIteration(r: Replica, now: number) {
    // 1. admission: while a sequence slot is free and the free cache holds the prompt
    let reloadS = 0;
    while (r.queueHead < r.queue.length && r.running.length < maxSequences) {
      const s = r.queue[r.queueHead]!;
      const wasDecoding = s.offloaded > 0 && s.prefilled >= s.prefillTarget;
      const need = wasDecoding ? s.offloaded : s.prefillTarget - s.cached;
      if (cap - r.kvUsed < need) break;
      r.queueHead++;
      s.kv = need;
      s.admitted = admitCounter++;
      r.kvUsed += s.kv;
      r.running.push(s);
      if (s.offloaded > 0) {
        // reloaded from the host tier: it resumes where it was preempted
        reloadS += s.offloaded * host!.reloadSPerToken;
        reloadedTokens += s.offloaded;
        r.hostUsed -= s.offloaded;
        s.offloaded = 0;
        if (wasDecoding) joinDecoders(r, s);
        else r.prefilling.push(s);
      } else if (s.ready) {
        // decode stage: its prompt's KV arrived with it; it decodes from this iteration on
        firstScheduled[s.req] = now;
        s.lastToken = lastTokenAt[s.req]!;
        if (s.generated >= s.output) complete(r, s, now);
        else joinDecoders(r, s);
      } else r.prefilling.push(s);
    }
    if (r.queueHead > 1024 && r.queueHead * 2 > r.queue.length) {
      r.queue = r.queue.slice(r.queueHead);
      r.queueHead = 0;
    }
    // 2. one decode token per decoder, preempting the most recently admitted while the cache cannot grow
    while (r.kvUsed + r.nDecoding > cap && r.running.length > 0) preemptLast(r);
    shape.decodeSeqs = r.nDecoding;
    r.iter++;
    shape.decodeKeys = r.decodeKv + r.nDecoding;
    r.decodeKv += r.nDecoding;
    r.kvUsed += r.nDecoding;
    if (W === Infinity) shape.decodeKeysWindowed = shape.decodeKeys;
    else {
      let w = 0;
      for (const s of r.running) if (s.decoding) w += Math.min(s.kv + s.cached + grown(r, s), W);
      shape.decodeKeysWindowed = w;
    }
    // 3. prefill tokens in admission order, whole prompts or chunks, in what the batch has left
    shape.prefillTokens = 0;
    shape.prefillPairs = 0;
    shape.prefillPairsWindowed = 0;
    shape.prefillPriorKeys = 0;
    shape.prefillPriorKeysWindowed = 0;
    shape.prefillNewKeysWindowed = 0;
    shape.logitRows = r.nDecoding;
    shape.sequences = r.nDecoding;
    let budget = maxBatchedTokens - r.nDecoding;
    for (const s of r.prefilling) {
      if (budget <= 0) break;
      const left = s.prefillTarget - s.prefilled;
      const c = chunkedPrefill ? Math.min(left, budget) : left <= budget ? left : 0;
      if (c === 0) break; // unchunked: the next prompt waits for room (no overtaking)
      s.chunk = c;
      budget -= c;
      const a = s.prefilled;
      shape.prefillTokens += c;
      shape.prefillPairs += cappedPairs(a, a + c, Infinity);
      shape.prefillPairsWindowed += cappedPairs(a, a + c, W);
      shape.prefillPriorKeys += a;
      shape.prefillPriorKeysWindowed += Math.min(a, W);
      shape.prefillNewKeysWindowed += Math.min(a + c, W) - Math.min(a, W);
      if (a + c === s.prefillTarget) shape.logitRows++;
      if (Number.isNaN(firstScheduled[s.req])) firstScheduled[s.req] = now;
      shape.sequences++;
    }
    if (shape.sequences === 0) {
      r.iter--; // nothing ran
      r.busy = false;
      r.busyUntil = Infinity;
      return;
    }
    let d = model.step(shape) + reloadS;
    logRow(r, now, d);
    // A decode stretch (one replica, no prefill, nothing admissible, no completion, room in the
    // cache) runs here without the event loop: the same iterations, logs and gaps, in one go.
    if (stretches && shape.prefillTokens === 0 && r.heap.length > 0) {
      const n = r.nDecoding;
      const lastIter = r.heap[0]!.at; // a stale entry only ends the stretch early
      const admitting = r.running.length < maxSequences;
      let arrived = nextOpen; // arrivals the event loop will queue later, counted in the log now
      let early = 0;
      while (r.iter < lastIter && r.kvUsed + n <= cap) {
        const end = now + d;
        if (admitting && !closed && nextOpen < N && arrival[nextOpen]! <= end) break; // it would be admitted next
        if (r.nMeasuredDecoding > 0) logGap(d, r.nMeasuredDecoding);
        now = end;
        r.lastEnd = end;
        r.iter++;
        shape.decodeKeys = r.decodeKv + n;
        r.decodeKv += n;
        r.kvUsed += n;
        if (W !== Infinity) {
          let w = 0;
          for (const s of r.running) if (s.decoding) w += Math.min(s.kv + s.cached + grown(r, s), W);
          shape.decodeKeysWindowed = w;
        } else shape.decodeKeysWindowed = shape.decodeKeys;
        d = model.step(shape);
        if (!closed) for (; arrived < N && arrival[arrived]! <= now; arrived++) if (!neverFits(arrived)) early++;
        logRow(r, now, d, early);
      }
    }
    r.busy = true;
    r.iterDuration = d;
    r.busyUntil = now + d;
    r.iterDecoders = r.nDecoding;
    r.iterMeasured = r.nMeasuredDecoding;
  }

  function logRow(r: Replica, now: number, d: number, early = 0) {
    log.room();
    const c = log.cols;
    const k = log.n++;
    c[lStart]![k] = now;
    c[lDur]![k] = d;
    c[lRep]![k] = r.index;
    c[lRun]![k] = r.running.length;
    c[lWait]![k] = waitingOf(r) + early;
    c[lKv]![k] = r.kvUsed;
  }

  function complete(r: Replica, s: Seq, now: number) {
    completion[s.req] = now;
    r.kvUsed -= s.kv;
    remove(r.running, s);
    if (closed) pendingSends.push(now);
  }

  function endIteration(r: Replica) {
    const now = r.busyUntil;
    r.lastEnd = now;
    if (r.iterMeasured > 0) {
      logGap(r.iterDuration, r.iterMeasured);
    }
    // decoders whose last token this was
    while (r.heap.length > 0 && r.heap[0]!.at <= r.iter) {
      const e = heapPop(r.heap);
      const s = e.seq;
      if (e.epoch !== s.epoch || !s.decoding) continue; // left the decoders since (preempted)
      leaveDecoders(r, s);
      complete(r, s, now);
    }
    // prefill chunks: a completed prefill yields the next token (the first, or the first after a recomputation)
    let k = 0;
    for (const s of r.prefilling) {
      if (s.chunk > 0) {
        s.prefilled += s.chunk;
        s.chunk = 0;
      }
      if (s.prefilled < s.prefillTarget) {
        r.prefilling[k++] = s;
        continue;
      }
      if (s.generated === 0) firstToken[s.req] = now;
      else if (s.measured) {
        logGap(now - s.lastToken, 1);
      }
      s.generated++;
      s.lastToken = now;
      if (s.generated >= s.output) complete(r, s, now);
      else joinDecoders(r, s);
    }
    r.prefilling.length = k;
    startIteration(r, now);
  }

  // Event loop: the earliest of the next arrival (or closed-loop send) and the next iteration end.
  let endS = 0;
  for (;;) {
    let tArrive = Infinity;
    if (closed) {
      if (nextToSend < N && pendingSends.length) tArrive = Math.min(...pendingSends);
    } else if (nextOpen < N) tArrive = arrival[nextOpen]!;
    let rNext: Replica | null = null;
    for (const r of replicas) if (r.busy && (!rNext || r.busyUntil < rNext.busyUntil)) rNext = r;
    const tEnd = rNext ? rNext.busyUntil : Infinity;
    if (tArrive === Infinity && tEnd === Infinity) break;
    if (rNext && tEnd <= tArrive) {
      endS = Math.max(endS, tEnd);
      endIteration(rNext);
    } else if (closed) {
      pendingSends.splice(pendingSends.indexOf(tArrive), 1);
      enqueue(nextToSend++, tArrive);
    } else {
      const i = nextOpen++;
      enqueue(i, arrival[i]!);
    }
  }

  return {
    n: N,
    warmup,
    arrival,
    firstScheduled,
    firstToken,
    completion,
    prompt,
    output,
    cached,
    rejected,
    preemptions,
    offloads,
    reloadedTokens,
    iterations: {
      start: log.column(lStart),
      duration: log.column(lDur),
      replica: log.column(lRep),
      running: log.column(lRun),
      waiting: log.column(lWait),
      kvUsed: log.column(lKv),
      count: log.n,
    },
    gaps: { value: gaps.column(0), weight: gaps.column(1), count: gaps.n },
    kvCapacityTokens: cap,
    pinnedKvTokens: pinned,
    endS,
  };
}
