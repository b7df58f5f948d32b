/**
 * Partitioning across chips (Pope et al. 2022, §3.2–3.3 and Appendix A): the communication each
 * feed-forward layout and each attention sharding costs per layer, and its latency.
 *
 * Conventions (stated because peers differ on them): bandwidths are per chip and ONE direction;
 * an all-gather or reduce-scatter over k chips moves (k−1)/k of the gathered size per chip, an
 * all-reduce twice that (ring; Patarasuk & Yuan 2009); activations move at the activation
 * precision. On a TPU torus a collective over a subset of axes uses only those axes' links in
 * realistic mode (bandwidth × axes/3); ideal mode gives every collective the chip's full bandwidth,
 * as Pope et al.'s single-scalar formulas do. Across GPU fast domains (NVLink) a collective runs at
 * the scale-out rate (NCCL's multi-node busbw is bounded by the per-GPU NIC).
 */
import type { ConcreteLayout, HardwareSpec, Mode } from "../types";
import { NETWORK_EFFICIENCY, SWITCH_COLLECTIVE_LATENCY } from "./calibration";

/** Per-layer activation widths (elements per token) that cross chips, and weight bytes per layer. */
export interface LayerWidths {
  dModel: number; // E
  inWidth: number; // fused input-side width: FFN gate+up (+ Q,K,V projections)
  outWidth: number; // fused output-side width: FFN down input (+ attention output)
  attnQkv: number; // Q + K + V width per token (for the all-to-all of batch-sharded attention)
  attnOut: number; // attention output width per token
  weightBytes: number; // matmul weights of one layer, as stored
  collectivesPerSide: 1 | 2; // 1 for parallel blocks (attention and FFN fused), 2 for serial
}

export interface CommPlan {
  layout: ConcreteLayout;
  timeS: number; // bandwidth time not hidden behind compute, all layers
  overlappableS: number; // weight all-gathers (weight-gathered layouts) that can hide behind matmuls
  latencyS: number; // fixed collective latency, all layers (realistic mode only)
  bytesPerChip: number; // bytes sent per chip, all layers
  detail: string; // e.g. "x = 4, yz = 16"
  /** Weight bytes each chip reads from memory, as a multiple of its 1/n shard (N for weight-gathered). */
  weightReadFactor: number;
}

/** Factor n chips into a near-cubic 3D torus X ≤ Y ≤ Z (Pope et al. use 4×4×4 for 64 chips). */
const axesCache = new Map<number, [number, number, number]>();
export function torusAxes(n: number): [number, number, number] {
  const hit = axesCache.get(n);
  if (hit) return [...hit];
  const axes = [1, 1, 1];
  let m = Math.max(1, Math.round(n));
  const primes: number[] = [];
  for (let p = 2; p * p <= m; p++) {
    while (m % p === 0) {
      primes.push(p);
      m /= p;
    }
  }
  if (m > 1) primes.push(m);
  primes.sort((a, b) => b - a);
  for (const p of primes) {
    axes.sort((a, b) => a - b);
    axes[0]! *= p;
  }
  axes.sort((a, b) => a - b);
  if (axesCache.size < 256) axesCache.set(n, [...axes] as [number, number, number]);
  return axes as [number, number, number];
}

/** The chips, their network and its efficiency, with the candidate groupings (built once per evaluate). */
export interface Net {
  n: number;
  torus: boolean;
  axes: [number, number, number];
  mode: Mode;
  hw: HardwareSpec;
  eff: number;
  lat: { baseS: number; perStepS: number };
  all?: Group;
  splits?: { x: Group; yz: Group }[];
  gathers?: { g: Group; rest: Group; label: string }[];
}

/** Describes the interconnect of `hw` for `mode` (network efficiency override or the mode's default). */
export function makeNet(hw: HardwareSpec, mode: Mode, networkEfficiency: number | undefined): Net {
  const n = hw.chips;
  const torus = hw.topology === "torus";
  return { n, torus, axes: torus ? torusAxes(n) : [1, 1, n], mode, hw, eff: networkEfficiency ?? (mode === "ideal" ? 1 : NETWORK_EFFICIENCY), lat: hw.collectiveLatency ?? SWITCH_COLLECTIVE_LATENCY };
}

/** A group of chips a collective runs over: its size, ring steps and one-direction bandwidth. */
interface Group {
  k: number;
  steps: number;
  a2aSteps: number;
  bw: number;
}

function groupOf(net: Net, axisMask: number): Group {
  const { hw } = net;
  if (net.torus) {
    let k = 1;
    let steps = 0;
    let a2a = 0;
    let used = 0;
    for (let i = 0; i < 3; i++) {
      if (!(axisMask & (1 << i))) continue;
      const a = net.axes[i]!;
      k *= a;
      steps += a - 1;
      a2a += Math.ceil(a / 2);
      if (a > 1) used++;
    }
    const share = net.mode === "ideal" ? 1 : Math.max(used, 1) / 3;
    return { k, steps, a2aSteps: a2a, bw: hw.interconnectBandwidth * share * net.eff };
  }
  throw new Error("groupOf is for tori; use switchGroup");
}

/** A group of k chips on a switch (NVLink/NVSwitch); beyond the fast domain, the scale-out rate. */
function switchGroup(net: Net, k: number): Group {
  const { hw } = net;
  const domain = hw.fastDomainChips ?? net.n;
  const bw = k > domain ? Math.min(hw.interconnectBandwidth, hw.scaleOutBandwidth ?? hw.interconnectBandwidth) : hw.interconnectBandwidth;
  return { k, steps: k - 1, a2aSteps: k - 1, bw: bw * net.eff };
}

/** Seconds for an all-gather/reduce-scatter whose gathered size per chip is `bytes`. */
function agrs(g: Group, bytes: number): number {
  return g.k <= 1 ? 0 : (bytes * (g.k - 1)) / g.k / g.bw;
}

function latency(net: Net, g: Group, count: number, a2a = false): number {
  if (net.mode === "ideal" || g.k <= 1) return 0;
  return count * (net.lat.baseS + net.lat.perStepS * (a2a ? g.a2aSteps : g.steps));
}

const divisorCache = new Map<number, number[]>();
function divisors(n: number): number[] {
  const hit = divisorCache.get(n);
  if (hit) return hit;
  const out: number[] = [];
  for (let d = 1; d * d <= n; d++)
    if (n % d === 0) {
      out.push(d);
      if (d * d !== n) out.push(n / d);
    }
  out.sort((a, b) => a - b);
  if (divisorCache.size < 256) divisorCache.set(n, out);
  return out;
}

/** Candidate (x, yz) splits: subsets of torus axes, or divisors of n on a switch. */
function splits(net: Net): { x: Group; yz: Group }[] {
  if (net.splits) return net.splits;
  const out: { x: Group; yz: Group }[] = [];
  if (net.torus) {
    for (let mask = 0; mask < 8; mask++) {
      const x = groupOf(net, mask);
      const yz = groupOf(net, 7 & ~mask);
      out.push({ x, yz });
    }
  } else {
    for (const d of divisors(net.n)) out.push({ x: switchGroup(net, d), yz: switchGroup(net, net.n / d) });
  }
  // x = 1 or yz = 1 is 1D weight-stationary again; keep 2D distinct when a real split exists.
  const proper = out.filter((s) => s.x.k > 1 && s.yz.k > 1);
  net.splits = proper.length ? proper : out;
  return net.splits;
}

/** Candidate weight-gather groups: X, XY, XYZ on a torus; every divisor > 1 on a switch. */
function gathers(net: Net): { g: Group; rest: Group; label: string }[] {
  if (net.gathers) return net.gathers;
  const options: { g: Group; rest: Group; label: string }[] = [];
  if (net.torus) {
    for (const [mask, name] of [[1, "X"], [3, "XY"], [7, "XYZ"]] as const) {
      const g = groupOf(net, mask);
      if (g.k > 1) options.push({ g, rest: groupOf(net, 7 & ~mask), label: name });
    }
  } else {
    for (const d of divisors(net.n)) if (d > 1) options.push({ g: switchGroup(net, d), rest: switchGroup(net, net.n / d), label: `N = ${d}` });
  }
  net.gathers = options;
  return options;
}

function allChips(net: Net): Group {
  net.all ??= net.torus ? groupOf(net, 7) : switchGroup(net, net.n);
  return net.all;
}

/**
 * Communication of one phase step for a concrete layout (Pope et al. §3.2, Appendix A.2), for
 * `tokens` = batch × tokens per sequence in this step, all `layers`. Returns the bandwidth time,
 * latency and bytes; the weight-gathered layouts report their weight traffic as overlappable.
 */
export function commPlan(layout: ConcreteLayout, w: LayerWidths, tokens: number, layers: number, actBytes: number, net: Net): CommPlan {
  const n = net.n;
  if (n <= 1) return { layout, timeS: 0, overlappableS: 0, latencyS: 0, bytesPerChip: 0, detail: "single chip", weightReadFactor: 1 };
  const c = w.collectivesPerSide;
  const act = tokens * actBytes;

  if (layout === "1d-weight-stationary") {
    // 1D weight-stationary (Megatron): all-gather E before, reduce-scatter E after, per block.
    const all = allChips(net);
    const t = 2 * c * agrs(all, act * w.dModel);
    const bytes = 2 * c * ((act * w.dModel * (n - 1)) / n);
    return { layout, timeS: t * layers, overlappableS: 0, latencyS: latency(net, all, 2 * c) * layers, bytesPerChip: bytes * layers, detail: `${n} chips in one group`, weightReadFactor: 1 };
  }

  if (layout === "2d-weight-stationary") {
    // 2D: E split over x, F over yz. AG/RS of the E side over yz (size tokens·E/x), RS/AG of the
    // F side over x (size tokens·F/yz); total per layer 2·B·L·(E/X + F/YZ) as in Pope et al.
    let best: CommPlan | undefined;
    let bestSplit: { x: Group; yz: Group } | undefined;
    for (const s of splits(net)) {
      const eSide = c * (agrs(s.yz, (act * w.dModel) / s.x.k) * 2);
      const fSide = agrs(s.x, (act * w.inWidth) / s.yz.k) + agrs(s.x, (act * w.outWidth) / s.yz.k);
      const lat = latency(net, s.yz, 2 * c) + latency(net, s.x, 2 * c);
      const total = (eSide + fSide + lat) * layers;
      if (best && total >= best.timeS + best.latencyS) continue;
      const bytes = c * 2 * ((act * w.dModel) / s.x.k) * ((s.yz.k - 1) / s.yz.k) + (((act * (w.inWidth + w.outWidth)) / s.yz.k) * (s.x.k - 1)) / s.x.k;
      best = { layout, timeS: (eSide + fSide) * layers, overlappableS: 0, latencyS: lat * layers, bytesPerChip: bytes * layers, detail: "", weightReadFactor: 1 };
      bestSplit = s;
    }
    best!.detail = `x = ${bestSplit!.x.k}, yz = ${bestSplit!.yz.k}`;
    return best!;
  }

  // Weight-gathered (X, XY, XYZ): weights stored 2D, all-gathered over N chips before use;
  // activations sharded over batch across N and gathered over the remaining n/N chips.
  let best: CommPlan | undefined;
  let bestOpt: { g: Group; rest: Group; label: string } | undefined;
  for (const o of gathers(net)) {
    const weights = agrs(o.g, (w.weightBytes * o.g.k) / n);
    const acts = 2 * c * agrs(o.rest, (act * w.dModel) / o.g.k);
    const lat = latency(net, o.g, 2) + latency(net, o.rest, 2 * c);
    const total = (weights + acts + lat) * layers;
    if (best && total >= best.timeS + best.overlappableS + best.latencyS) continue;
    const bytes = ((w.weightBytes * o.g.k) / n) * ((o.g.k - 1) / o.g.k) + 2 * c * ((act * w.dModel) / o.g.k) * ((o.rest.k - 1) / o.rest.k);
    // The gathered copy (N/n of the layer) is what the matmul then reads from memory.
    best = { layout, timeS: acts * layers, overlappableS: weights * layers, latencyS: lat * layers, bytesPerChip: bytes * layers, detail: "", weightReadFactor: o.g.k };
    bestOpt = o;
  }
  if (!best) return commPlan("1d-weight-stationary", w, tokens, layers, actBytes, net);
  best.detail = `weights gathered over ${bestOpt!.label} (${bestOpt!.g.k} chips)`;
  return best;
}

/**
 * Batch-sharded attention (Pope et al. §3.3): two all-to-alls per layer move Q/K/V from the
 * head-sharded projections to batch shards and the outputs back; bytes per chip per layer
 * ≈ tokens·(qkv + out)·b_a / n.
 */
export function attentionAllToAll(w: LayerWidths, tokens: number, layers: number, actBytes: number, net: Net) {
  const n = net.n;
  if (n <= 1) return { timeS: 0, latencyS: 0, bytesPerChip: 0 };
  const g = allChips(net);
  const bytes = (tokens * actBytes * (w.attnQkv + w.attnOut) * (n - 1)) / n / n;
  return { timeS: (bytes / g.bw) * layers, latencyS: latency(net, g, 2, true) * layers, bytesPerChip: bytes * layers };
}

/**
 * Expert parallelism (DeepSpeed-MoE, GShard): whole experts live on chips; every MoE layer sends
 * each token's hidden vector to the chips of its k experts and back, two all-to-alls moving
 * tokens·k·d·b_a·(n−1)/n / n bytes per chip each (formulas.md §9).
 */
export function expertAllToAll(tokens: number, k: number, dModel: number, actBytes: number, moeLayers: number, net: Net) {
  const n = net.n;
  if (n <= 1 || moeLayers <= 0) return { timeS: 0, latencyS: 0, bytesPerChip: 0 };
  const g = allChips(net);
  const bytes = (2 * tokens * k * dModel * actBytes * (n - 1)) / n / n;
  return { timeS: (bytes / g.bw) * moeLayers, latencyS: latency(net, g, 2, true) * moeLayers, bytesPerChip: bytes * moeLayers };
}
