/**
 * The guided lesson, as data: each step sets up a scenario, asks the reader to predict, shows one
 * control, and reveals the answer once the reader has tried it (shared/STYLE.md principles 9–10).
 * Words only; every number the reader sees comes from the live results and charts.
 */
import type { ScenarioInput } from "../../core";
import type { InsightTab } from "../../state/store";

export type LessonControl = "batch" | "prompt" | "kvHeads" | "weights" | "chips" | "rate" | "chunkedPrefill";

export interface LessonStep {
  /** Stable id, shared with copy and links. */
  id: string;
  title: string;
  setup: ScenarioInput;
  tab: InsightTab;
  question: string;
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  /** The one control this step adds (none: just look). */
  control: LessonControl | null;
  /** What to try once a prediction is made. */
  tryIt: string;
  reveal: string;
  takeaway: string;
}

export interface Lesson {
  id: string;
  title: string;
  steps: LessonStep[];
}

const base = (workload: ScenarioInput["workload"], extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  model: { preset: "llama-3.1-8b" },
  hardware: { preset: "h100-sxm", chips: 1 },
  workload,
  precision: { weights: "bf16", kvCache: "bf16" },
  ...extra,
});

export const SERVING_LESSON: Lesson = {
  id: "serving",
  title: "Why serving costs what it costs",
  steps: [
    {
      id: "decode-memory-bound",
      title: "Decoding is memory-bound",
      setup: base({ batch: 1, promptTokens: 512, outputTokens: 256 }),
      tab: "roofline",
      question: "One user, Llama 3.1 8B on one H100. What limits how fast each new token comes out?",
      choices: ["The chip's arithmetic (FLOP/s)", "Reading the weights from memory", "Sending data between chips"],
      answer: 1,
      control: null,
      tryIt: "Find the indigo decode circle on the roofline.",
      reveal:
        "Reading memory. Each decode step reads all 16 GB of weights to do 2 FLOPs per weight: about 1 FLOP per byte. The ridge of an H100 is near 300 FLOP per byte, so the decode circle sits far down the sloped memory roof, and time per token ≈ weight bytes ÷ memory bandwidth.",
      takeaway: "At small batch, the chip mostly waits for memory.",
    },
    {
      id: "batching-ridge",
      title: "Batching and the ridge",
      setup: base({ batch: 1, promptTokens: 64, outputTokens: 64 }),
      tab: "roofline",
      question: "Raise the batch from 1 to 64 sequences. Time per output token will…",
      choices: ["grow about 64×", "barely change", "halve"],
      answer: 1,
      control: "batch",
      tryIt: "Drag the batch slider and watch the time per token, the cost, and the decode circle.",
      reveal:
        "Barely changes. The weights are read once per step for the whole batch, so 64 sequences share the same bytes: the decode circle slides right along the memory roof, time per token stays put and cost per token falls about 64×. Keep dragging: past the critical batch (the ridge) decode turns compute-bound and more batch starts to cost time.",
      takeaway: "Batch up to the critical batch: it is nearly free. Beyond it you trade latency for throughput.",
    },
    {
      id: "quadratic-attention",
      title: "Quadratic attention and the crossover",
      setup: base({ batch: 1, promptTokens: 2048, outputTokens: 256 }),
      tab: "attention",
      question: "Make the prompt 10× longer. The FLOPs prefill spends on attention grow…",
      choices: ["10×", "100×", "not at all"],
      answer: 1,
      control: "prompt",
      tryIt: "Drag the prompt length and watch the purple attention line against the red weight matmuls.",
      reveal:
        "About 100×. Every token compares itself with every earlier one: P² scores per head. The weight matmuls grow only 10×, so the steeper attention line catches up at the crossover marked on the chart; a wider model (larger d_model) pushes the crossover further out.",
      takeaway: "Short prompts are matmul-bound; very long prompts are attention-bound.",
    },
    {
      id: "mqa-gqa",
      title: "MQA and GQA: a smaller KV cache",
      setup: base({ batch: 8, promptTokens: 8192, outputTokens: 512 }),
      tab: "capacity",
      question: "Llama 3.1 8B has 32 query heads but caches only 8 KV heads (GQA). With 32 KV heads (plain multi-head attention), the largest batch that fits at 8k tokens…",
      choices: ["stays the same", "falls about 4×", "rises about 4×"],
      answer: 1,
      control: "kvHeads",
      tryIt: "Switch the number of KV heads and watch the amber KV cache and the largest-batch lines.",
      reveal:
        "Falls about 4×. The KV cache holds 2 × KV heads × head size numbers per token per layer, so 4× the KV heads is 4× the cache: fewer sequences fit, and every decode step reads 4× the bytes. MQA (one KV head) shrinks it 8× below GQA.",
      takeaway: "Sharing keys and values across heads buys batch and context.",
    },
    {
      id: "quantization",
      title: "Quantization",
      setup: base({ batch: 1, promptTokens: 512, outputTokens: 256 }),
      tab: "roofline",
      question: "Switch the weights from bf16 (2 bytes) to int8 (1 byte). At batch 1, time per token…",
      choices: ["about halves", "does not change", "doubles"],
      answer: 0,
      control: "weights",
      tryIt: "Switch the weight precision and watch the time per token and the decode circle.",
      reveal:
        "About halves. Decode at batch 1 is paid in bytes, and int8 moves half of them: the decode circle moves right along the memory roof. The math still runs in 16 bits, so the critical batch halves too: compute-bound comes sooner.",
      takeaway: "Fewer bytes per weight is a direct speed-up wherever memory is the limit.",
    },
    {
      id: "more-chips",
      title: "More chips: latency, not cost",
      setup: base({ batch: 16, promptTokens: 512, outputTokens: 256 }),
      tab: "frontier",
      question: "Go from 1 to 8 chips at the same batch. The cost per million output tokens…",
      choices: ["falls about 8×", "stays about the same, or rises", "rises about 8×"],
      answer: 1,
      control: "chips",
      tryIt: "Drag the chip count and follow the star on the latency–cost chart.",
      reveal:
        "Stays about the same, or rises. Each chip reads only its share of the weights, so a step gets up to 8× faster, but you pay for 8 chips: chip-seconds per token stay the same, plus the time spent communicating. Chips buy latency; batch buys cost. The frontier shows the best of both at once.",
      takeaway: "To go faster, add chips; to go cheaper, batch more.",
    },
    {
      id: "saturation",
      title: "Near saturation, latency explodes",
      setup: base({ batch: 1, promptTokens: 4096, outputTokens: 512 }, { serving: { requestRate: 2, dataset: "rag", slo: { ttftS: 1, tpotS: 0.05, percentile: 99 } } }),
      tab: "roofline",
      question:
        "Requests now arrive at random (RAG: 4,096 tokens in, 512 out) at 2 per second. Raise the rate to 5 per second, 2.5× the traffic, a little past the capacity shown in the Serving section. The p99 time to first token…",
      choices: ["grows about 2.5×", "grows 10× or more", "barely changes"],
      answer: 1,
      control: "rate",
      tryIt: "Set the request rate with the slider or the box, and watch the time to first token and the rate chart in “Serving under load”, below the charts.",
      reveal:
        "10× or more: from a fraction of a second to tens of seconds. Below capacity, a request mostly finds a free slot and waits only for the batch it joins. As the rate nears capacity the replica is never idle, random bursts pile up faster than they drain, and the wait grows like 1 ÷ (1 − utilisation); past the knee the queue grows for as long as the traffic lasts. Time per output token grows too, a few-fold, as the running batch fills up and every step reads more KV cache; but it is the wait before the first token that explodes.",
      takeaway: "Size for a rate well below the knee: the last 20 % of capacity costs the tail latency.",
    },
    {
      id: "chunked-prefill",
      title: "Chunked prefill and time per token",
      setup: base(
        { batch: 1, promptTokens: 1024, outputTokens: 256 },
        { serving: { requestRate: 10, dataset: "azure-chat-2024", scheduler: { chunkedPrefill: false, maxBatchedTokens: 8192 }, slo: { ttftS: 1, tpotS: 0.05, percentile: 99 } } },
      ),
      tab: "roofline",
      question:
        "Chat traffic with some very long prompts. Each prompt is prefilled whole, in one iteration, while everyone else waits for their next token. Split prompts into chunks of 512 tokens per iteration instead. The p99 time per output token…",
      choices: ["falls a lot", "stays the same", "rises"],
      answer: 0,
      control: "chunkedPrefill",
      tryIt: "Switch the prefill to chunks and compare the time per output token and inter-token latency in “Serving under load”.",
      reveal:
        "Falls a lot. A whole long prompt makes one iteration take as long as its prefill, and every decoding request in the batch sees that stall between two of its tokens. Chunks bound each iteration's prefill work, so decoders get a token every short iteration: the tail of time per token and of inter-token latency drops several-fold. The price is a slightly longer time to first token, since a prompt now takes several iterations.",
      takeaway: "Chunked prefill trades a little time to first token for smooth, predictable token streams.",
    },
  ],
};

/** Lessons by id. A Map: a link names the id, and `LESSONS["constructor"]` on a plain object finds Object's constructor. */
export const LESSONS: ReadonlyMap<string, Lesson> = new Map([[SERVING_LESSON.id, SERVING_LESSON]]);

/** Lesson id → number of steps, for checking a link's lesson and step (state/lesson.ts). */
export const LESSON_CATALOGUE: ReadonlyMap<string, number> = new Map([...LESSONS].map(([id, l]) => [id, l.steps.length]));

/** The link that opens a step (1-based in the URL). */
export function stepHref(lessonId: string, stepIndex: number): string {
  return `?lesson=${lessonId}&step=${stepIndex + 1}`;
}
