/**
 * Named request-length shapes people recognise (CONTRACT "dataset"): the prompt and output
 * lengths of a workload as log-normal (or fixed) distributions, each figure with its source.
 * A log-normal is given by its mean and coefficient of variation before clipping (CONTRACT
 * "Lengths"); where a source publishes mean and median only, cv = √((mean/median)² − 1).
 * Figures no source publishes are marked uncertain, and the page says so.
 */
import type { LengthDist } from "./simulate";

export interface Workload {
  id: string;
  name: string;
  /** What the shape stands for, in a user's words. */
  use: "chat" | "code" | "summarisation" | "rag" | "benchmark";
  promptTokens: LengthDist;
  outputTokens: LengthDist;
  source: string;
  notes: string;
  /** Fields no source gives (estimates): shown as uncertain. */
  uncertain: string[];
}

const AZURE_2023 = "Azure LLM inference trace 2023 (Splitwise, ISCA '24), github.com/Azure/AzurePublicDataset AzureLLMInferenceTrace_{conv,code}.csv, statistics computed from the raw trace";
const AZURE_2024 = "Azure LLM inference trace 2024 (DynamoLLM), one week in May 2024; mean, median and p99 as published, cv from mean and median";

export const WORKLOADS: readonly Workload[] = [
  {
    id: "sharegpt",
    name: "ShareGPT chat (as serving benchmarks sample it)",
    use: "benchmark",
    promptTokens: { dist: "lognormal", mean: 220, cv: 1, min: 4, max: 1024 },
    outputTokens: { dist: "lognormal", mean: 200, cv: 1, min: 4, max: 2044 },
    source:
      "ShareGPT_V3_unfiltered_cleaned_split, first turns, filtered as vLLM's benchmark_serving does (prompt ≤ 1,024, prompt + output ≤ 2,048 tokens); means 215–233 in / 195–220 out per request from vLLM and SGLang benchmark printouts (sgl-project/sglang benchmark/benchmark_vllm_060)",
    notes: "The spread of the filtered sample is not published: cv 1 is assumed (chat traces show 0.8–1.0, as Azure's conversation trace).",
    uncertain: ["promptTokens.cv", "outputTokens.cv"],
  },
  {
    id: "azure-chat-2023",
    name: "Chat (Azure conversation trace, 2023)",
    use: "chat",
    promptTokens: { dist: "lognormal", mean: 1155, cv: 0.96, min: 2, max: 14050 },
    outputTokens: { dist: "lognormal", mean: 211, cv: 0.77, min: 7, max: 1000 },
    source: `${AZURE_2023}: 19,366 requests; prompt mean 1,155, sd 1,109, median 1,020; output mean 211, sd 163, median 129`,
    notes: "One hour of Azure OpenAI conversation traffic (2023-11-16).",
    uncertain: [],
  },
  {
    id: "azure-code-2023",
    name: "Code completion (Azure coding trace, 2023)",
    use: "code",
    promptTokens: { dist: "lognormal", mean: 2048, cv: 0.96, min: 3, max: 7437 },
    outputTokens: { dist: "lognormal", mean: 28, cv: 2.15, min: 6, max: 1899 },
    source: `${AZURE_2023}: 8,819 requests; prompt mean 2,048, sd 1,974, median 1,469; output mean 28, median 13`,
    notes: "Long prompts (the file around the cursor), very short and heavy-tailed answers. The trace's prompts are capped near 7.4K, so the clipped mean is ~1,980.",
    uncertain: [],
  },
  {
    id: "azure-chat-2024",
    name: "Chat (Azure conversation trace, 2024)",
    use: "chat",
    promptTokens: { dist: "lognormal", mean: 1632, cv: 1.45, min: 1, max: 7999 },
    outputTokens: { dist: "lognormal", mean: 106, cv: 2.38, min: 1, max: 1500 },
    source: `${AZURE_2024}: 27.3 M requests; prompt mean 1,632, median 928; output mean 106, median 41`,
    notes: "Shorter answers than the 2023 trace.",
    uncertain: [],
  },
  {
    id: "humaneval",
    name: "Code completion (HumanEval)",
    use: "code",
    promptTokens: { dist: "lognormal", mean: 124, cv: 0.48, min: 36, max: 386 },
    outputTokens: { dist: "lognormal", mean: 55, cv: 0.68, min: 6, max: 234 },
    source: "openai/human-eval data/HumanEval.jsonl.gz (164 problems; prompt = signature + docstring, output = canonical solution), counted in GPT-2-style pre-tokens; DistServe's code-completion workload",
    notes: "Counted without a BPE tokenizer: real Llama token counts are likely 1.2–1.6× these.",
    uncertain: ["promptTokens.mean", "outputTokens.mean"],
  },
  {
    id: "longbench-summarisation",
    name: "Long-document summarisation (LongBench)",
    use: "summarisation",
    promptTokens: { dist: "lognormal", mean: 9500, cv: 0.6, min: 1, max: 32768 },
    outputTokens: { dist: "lognormal", mean: 400, cv: 0.5, min: 1, max: 512 },
    source:
      "THUDM/LongBench task.md: average words GovReport 8,734, QMSum 10,614, MultiNews 2,113 (×1.3 tokens per word); DistServe's summarisation workload; output capped at 512",
    notes: "Only average lengths per task are published: the spread (cv 0.6, from the three tasks' means) and the output mean are estimates.",
    uncertain: ["promptTokens.cv", "outputTokens.mean", "outputTokens.cv"],
  },
  {
    id: "rag",
    name: "Retrieval-augmented generation (NVIDIA RAG sizing)",
    use: "rag",
    promptTokens: { dist: "fixed", mean: 4096 },
    outputTokens: { dist: "fixed", mean: 512 },
    source: "NVIDIA Enterprise RAG sizing guide, benchmarking methodology (fixed 4,096 in / 512 out for retrieval-heavy use)",
    notes: "Fixed lengths, as the guide benchmarks them.",
    uncertain: [],
  },
  {
    id: "random-1k",
    name: "Random 1,024 in / 128 out (vLLM bench defaults)",
    use: "benchmark",
    promptTokens: { dist: "fixed", mean: 1024 },
    outputTokens: { dist: "fixed", mean: 128 },
    source: "vllm-project/vllm benchmarks/benchmark_serving.py --dataset-name random defaults (random-input-len 1024, random-output-len 128, range ratio 0)",
    notes: "What `vllm bench serve` sends when no dataset is named.",
    uncertain: [],
  },
];

const BY_ID = new Map(WORKLOADS.map((w) => [w.id, w]));

/** The named shape, or undefined (ids are looked up in a map, never on an object's prototype). */
export function findWorkload(id: string): Workload | undefined {
  return BY_ID.get(id);
}
