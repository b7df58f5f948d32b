/**
 * Turns the GPU measurements (calibration/data/*.json, written by calibration/measure.py) into
 * validation cases in the scenario contract: validation/own_h200_cases.json.
 *
 *   npx tsx calibration/to-cases.ts
 *
 * Decode: one step at context T over a KV cache of T tokens, i.e. the static model's decode with
 * promptTokens T and outputTokens 1 (its one step attends over T + 1 keys, as the measured one
 * does). Prefill: promptTokens S at batch B, logits for the last position only. Each case keeps
 * the second run's median (where the repeat run measured it) in its notes, so the spread is
 * visible.
 *
 * Mixed: one continuous-batching iteration (a fresh prompt of `chunk` tokens prefilled in one
 * chunk, its last token's logits computed, with `decodeSeqs` sequences decoding one token each over
 * `context` cached tokens), priced by the serving simulator's own step (core serving/iteration.ts)
 * through the case's `iteration` block, read at `iteration.stepS`. No constant was set on them:
 * they are held out (no "calibration" tag). They follow the decode and prefill cases, so those stay
 * byte-identical.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ownView, type OwnCasesFile } from "../validation/own-h200-view";

interface Measurement {
  kind: string;
  model?: string;
  batch?: number;
  context?: number;
  promptTokens?: number;
  chunk?: number;
  decodeSeqs?: number;
  graph?: boolean;
  medianS: number;
  minS: number;
  maxS: number;
  repeats: number;
  peakBytes?: number;
  hostIssueS?: number | null;
}
interface RunFile {
  environment: Record<string, unknown>;
  measurements: Measurement[];
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const RUN = "data/h200-2026-12-04-run1.json";
const REPEAT = "data/h200-2026-12-04-run2.json";
const run = JSON.parse(readFileSync(here(RUN), "utf8")) as RunFile;
const repeat = JSON.parse(readFileSync(here(REPEAT), "utf8")) as RunFile;
const key = (m: Measurement) => [m.kind, m.model, m.batch, m.context ?? m.promptTokens, m.graph].join("|");
const again = new Map(repeat.measurements.map((m) => [key(m), m]));

/** The model block: the preset, or Llama-3.1-8B's shape with another KV-head count (the contrast). */
function modelBlock(name: string): Record<string, unknown> {
  if (name === "llama-3.1-8b-mqa") return { preset: "llama-3.1-8b", name: "Llama-3.1-8B shape, 1 KV head (MQA)", kvHeads: 1, attention: "mqa" };
  if (name === "llama-3.1-8b-mha") return { preset: "llama-3.1-8b", name: "Llama-3.1-8B shape, 32 KV heads (MHA)", kvHeads: 32, attention: "mha" };
  return { preset: name };
}

const env = run.environment;
const source =
  `Own measurement, calibration/measure.py on ${String(env.device)} (driver ${String(env.driver)}, PyTorch ${String(env.torch)}, CUDA ${String(env.cudaRuntime)}), ` +
  `${String(env.startedAt).slice(0, 10)}; raw figures in calibration/${RUN}`;

const cases: Record<string, unknown>[] = run.measurements
  .filter((m) => m.kind === "decode" || m.kind === "prefill")
  .map((m) => {
    const decode = m.kind === "decode";
    const T = (decode ? m.context : m.promptTokens)!;
    const mode = m.graph ? "graph" : "eager";
    const second = again.get(key(m));
    const spread = `median of ${m.repeats} (min ${(m.minS * 1e3).toFixed(3)} ms, max ${(m.maxS * 1e3).toFixed(3)} ms)`;
    const rerun = second ? `; repeat run median ${(second.medianS * 1e3).toFixed(3)} ms` : "";
    return {
      id: `own-h200-${m.kind}-${m.model}-b${m.batch}-${decode ? "ctx" : "p"}${T}-${mode}`,
      source,
      kind: "measured",
      // Graph runs set the "pytorch" engine's terms (engines.ts), eager runs its host issue cost per
      // kernel (engineOptions.cudaGraphs false): all calibration. Eager steps move with the host's
      // state (their repeat medians differ by up to −45 % / +87 %), so their band is 40 %.
      tags: ["own-h200", "gpu", "nvidia", m.kind, mode === "graph" ? "cuda-graph" : "pytorch-eager", "calibration", ...(m.model!.endsWith("mqa") || m.model!.endsWith("mha") ? ["kv-heads-contrast"] : [])],
      quantity: decode
        ? `one decode step at batch ${m.batch}, context ${T} (PyTorch ${mode === "graph" ? "replayed from a CUDA graph" : "eager"})`
        : `prefill of ${m.batch} × ${T} tokens (PyTorch ${mode === "graph" ? "replayed from a CUDA graph" : "eager"})`,
      scenario: {
        model: modelBlock(m.model!),
        hardware: { preset: "h200", chips: 1 },
        workload: { batch: m.batch, promptTokens: T, outputTokens: 1 },
        precision: { weights: "bf16", kvCache: "bf16", activations: "bf16" },
        engine: "pytorch",
        ...(mode === "eager" ? { engineOptions: { cudaGraphs: false } } : {}),
      },
      field: decode ? "decode.timePerTokenS" : "prefill.timeS",
      expected: m.medianS,
      unit: "s",
      tolerance_pct: mode === "eager" ? 40 : 25,
      measurement: { graph: m.graph === true, peakBytes: m.peakBytes ?? null, hostIssueS: m.hostIssueS ?? null, repeatMedianS: second?.medianS ?? null },
      notes: `${spread}${rerun}. Random bf16 weights, PyTorch scaled-dot-product attention (${JSON.stringify(env.sdpa)}), unfused RMSNorm/RoPE/SwiGLU, greedy argmax.`,
    };
  });

const mixed = run.measurements
  .filter((m) => m.kind === "mixed")
  .map((m) => {
    const [C, D, T] = [m.chunk!, m.decodeSeqs!, m.context!];
    const mode = m.graph ? "graph" : "eager";
    return {
      id: `own-h200-mixed-${m.model}-c${C}-d${D}-ctx${T}-${mode}`,
      source,
      kind: "measured",
      // Held out: nothing was set from them; the eager ones run with the engine's graphs off (band 40 %, as the eager steps').
      tags: ["own-h200", "gpu", "nvidia", "mixed", mode === "graph" ? "cuda-graph" : "pytorch-eager"],
      quantity: `one mixed iteration: a ${C}-token prefill chunk with ${D} sequences decoding at context ${T} (PyTorch ${mode === "graph" ? "replayed from a CUDA graph" : "eager"})`,
      scenario: {
        model: modelBlock(m.model!),
        hardware: { preset: "h200", chips: 1 },
        // the decoders, for what a scenario needs; the figure is the iteration's below
        workload: { batch: D, promptTokens: T, outputTokens: 1 },
        precision: { weights: "bf16", kvCache: "bf16", activations: "bf16" },
        engine: "pytorch",
        ...(mode === "eager" ? { engineOptions: { cudaGraphs: false } } : {}),
      },
      iteration: { prefillChunk: C, decodeSeqs: D, decodeContext: T },
      field: "iteration.stepS",
      expected: m.medianS,
      unit: "s",
      tolerance_pct: mode === "eager" ? 40 : 25,
      measurement: { graph: m.graph === true, peakBytes: m.peakBytes ?? null, hostIssueS: m.hostIssueS ?? null, repeatMedianS: null },
      notes: `median of ${m.repeats} (min ${(m.minS * 1e3).toFixed(3)} ms, max ${(m.maxS * 1e3).toFixed(3)} ms); not repeated in the second run. Matmuls over all ${C + D} rows at once, causal attention for the chunk, decode attention for the rest; logits for the chunk's last token and every decode token. Random bf16 weights, PyTorch scaled-dot-product attention (${JSON.stringify(env.sdpa)}).`,
    };
  });
cases.push(...mixed);

const out = {
  format:
    "Own GPU measurements as validation cases (same case format as public_cases.json, plus `measurement`; a mixed case also has `iteration` {prefillChunk, decodeSeqs, decodeContext}: one continuous-batching iteration priced by the serving simulator's step, core serving/iteration.ts, read at the field `iteration.stepS`). Produced by calibration/to-cases.ts from calibration/data; do not edit by hand.",
  environment: env,
  cases,
};
writeFileSync(here("../validation/own_h200_cases.json"), JSON.stringify(out, null, 1) + "\n");
// the accuracy view's slim copy (validation/own-h200-view.ts)
const view = ownView(out as unknown as OwnCasesFile);
writeFileSync(here("../validation/own_h200_view.json"), JSON.stringify(view, null, 1) + "\n");
console.log(`${cases.length} cases written to validation/own_h200_cases.json, ${view.cases.length} of them to own_h200_view.json`);
