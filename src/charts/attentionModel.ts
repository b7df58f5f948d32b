/**
 * Quadratic-attention chart view model: attention against everything else as context grows, and the KV bytes per token of each attention variant. Pure; only display scaling.
 */
import type { AttentionFigures } from "../core";
import type { ContextSweep } from "../core/curves";
import { formatContextTick, formatInt } from "../core/format";
import { decades, ok, pos } from "./axes";

export interface AttentionRow {
  context: number;
  /** FLOPs (log axis: non-positive values become null so the line breaks instead of diving). */
  prefillAttn: number | null;
  prefillOther: number | null;
  decodeAttn: number | null;
  decodeOther: number | null;
  /** Bytes. */
  decodeKv: number | null;
  decodeWeights: number | null;
  scoreTraffic: number | null;
}

export interface KvVariantBar {
  key: "mha" | "gqa" | "mqa" | "mla";
  label: string;
  bytesPerToken: number;
  /** Width relative to the largest (0..1). */
  fraction: number;
  current: boolean;
}

export interface AttentionModel {
  rows: AttentionRow[];
  xDomain: [number, number];
  xTicks: number[];
  flopsDomain: [number, number];
  flopsTicks: number[];
  bytesDomain: [number, number];
  bytesTicks: number[];
  prompt: number;
  prefillCrossover: number;
  decodeCrossover: number;
  /** Attention's share of prefill FLOPs at the scenario's prompt (0..1). */
  prefillShare: number;
  decodeShare: number;
  sentence: string;
  flash: { scoreBytesPerLayer: number; trafficBytes: number };
  kv: KvVariantBar[];
  ariaLabel: string;
}

const nn = (x: number | undefined) => (pos(x) ? x : null);

export function attentionModel(
  sweep: ContextSweep | null | undefined,
  fig: AttentionFigures | null | undefined,
  args: { decodeCrossover: number; attention: string; prompt: number; dModel: number },
): AttentionModel | null {
  if (!sweep || !fig) return null;
  const rows: AttentionRow[] = sweep.points
    .filter((p) => p.attention && pos(p.context))
    .map((p) => {
      const a = p.attention!;
      return {
        context: p.context,
        prefillAttn: nn(a.prefillAttentionFlops),
        prefillOther: nn(a.prefillOtherFlops),
        decodeAttn: nn(a.decodeAttentionFlops),
        decodeOther: nn(a.decodeOtherFlops),
        decodeKv: nn(a.decodeKvBytes),
        decodeWeights: nn(a.decodeWeightBytes),
        scoreTraffic: nn(a.scoreMatrixTrafficBytes),
      };
    });
  if (rows.length < 2) return null;
  const xDomain: [number, number] = [rows[0]!.context, rows[rows.length - 1]!.context];
  const vals = (keys: (keyof AttentionRow)[]) => rows.flatMap((r) => keys.map((k) => r[k])).filter(pos);
  const fl = vals(["prefillAttn", "prefillOther", "decodeAttn", "decodeOther"]);
  const by = vals(["decodeKv", "decodeWeights", "scoreTraffic"]);
  const f = decades(Math.min(...fl), Math.max(...fl));
  const b = decades(Math.min(...by), Math.max(...by));
  const share = (a: number, o: number) => (pos(a) && ok(o) && a + o > 0 ? a / (a + o) : 0);
  const prefillShare = share(fig.prefillAttentionFlops, fig.prefillOtherFlops);
  const decodeShare = share(fig.decodeAttentionFlops, fig.decodeOtherFlops);
  const pc = fig.prefillCrossoverTokens;
  const dc = args.decodeCrossover;
  const sentence =
    `With d_model ${formatInt(args.dModel)}, prefill attention costs as many FLOPs as all the weight matmuls at a prompt of ` +
    `${formatInt(pc)} tokens (it grows with the square of the prompt; the rest grows linearly), and a decode step's attention ` +
    `matches them at ${formatInt(dc)} tokens of context. At your prompt of ${formatInt(args.prompt)} tokens attention is ` +
    `${Math.round(prefillShare * 100)}% of prefill FLOPs.`;
  const variants: { key: KvVariantBar["key"]; label: string }[] = [
    { key: "mha", label: "MHA (a KV head per query head)" },
    { key: "gqa", label: `GQA (${formatInt(fig.gqaKvHeads)} KV heads)` },
    { key: "mqa", label: "MQA (one KV head)" },
    { key: "mla", label: "MLA (compressed latent)" },
  ];
  const maxKv = Math.max(...variants.map((v) => fig.kvBytesPerToken[v.key]).filter(pos), 1);
  const kv = variants.map((v) => {
    const bytes = fig.kvBytesPerToken[v.key];
    return { ...v, bytesPerToken: pos(bytes) ? bytes : 0, fraction: pos(bytes) ? bytes / maxKv : 0, current: v.key === args.attention };
  });
  const ariaLabel =
    `Attention against everything else as context grows, log-log, ${formatContextTick(xDomain[0])} to ${formatContextTick(xDomain[1])} tokens. ` +
    `Prefill crossover at ${formatInt(pc)} tokens; decode crossover at ${formatInt(dc)} tokens.`;
  return {
    rows,
    xDomain,
    xTicks: decades(xDomain[0], xDomain[1]).ticks.filter((t) => t >= xDomain[0] && t <= xDomain[1]),
    flopsDomain: f.domain,
    flopsTicks: f.ticks,
    bytesDomain: b.domain,
    bytesTicks: b.ticks,
    prompt: args.prompt,
    prefillCrossover: pc,
    decodeCrossover: dc,
    prefillShare,
    decodeShare,
    sentence,
    flash: { scoreBytesPerLayer: fig.scoreMatrixBytesPerLayer, trafficBytes: fig.scoreMatrixTrafficBytes },
    kv,
    ariaLabel,
  };
}
