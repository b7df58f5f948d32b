/**
 * The hostile and careless inputs of issue 20, one list per surface: the fuzz targets start from
 * them (src/fuzz/*.test.ts) and the page opens every seed link (e2e/hostile.spec.ts). Each
 * entry once broke something; the comment says what.
 */

const longName = (c: string) => c.repeat(200);
const unknownKeys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=${i}`).join("&");

/** Share links (the part after the page's address). */
export const SEED_LINKS: readonly string[] = [
  "?lesson=constructor", // LESSONS["constructor"] found Object's constructor: blank page
  "?lesson=toString&step=2",
  "?lesson=__proto__",
  "?lesson=serving&step=99", // out-of-range step dropped without a notice
  "?step=3", // a step without a lesson
  "?v=1&bw=1e-300", // TTFT "—", 0 tok/s and no notice
  "?v=1&fbf=1e-300", // a 363-character label that scrolled the page sideways
  "?v=1&ic=1e-300",
  "?v=1&f8=1e-300&w=fp8&a=fp8",
  "?v=1&mem=1e-300",
  "?v=1&n=8&pr=2", // a partial hardware block: the default chip, eight of them
  "?v=1&hw=~&n=8&pr=2",
  "?v=1&p=Infinity", // what typing 1e308 billion parameters wrote
  "?v=1&p=1e308",
  "#v=1&b=8", // the CLI read the #part, the page ignored it
  "?v=1&b=2#v=1&b=8",
  `?v=1&b=8&cmp=${encodeURIComponent(`v=1&b=4&cmp=${encodeURIComponent("v=1&b=2")}`)}`, // nested cmp dropped silently
  `?v=1&mn=${longName("x")}&hn=${longName("y")}`, // an unbroken name overflowed the result box
  "?v=1&constructor=1&__proto__=2&toString=3&hasOwnProperty=4&valueOf=5",
  "?v=1&mn=%1B%5B31mred%07", // terminal escapes in a name
  "?v=1&pt=0", // the link said prompt tokens run "from 0", the model "from 1"
  "?v=1&rr=-1", // the serving block's request rate
  "?v=1&rr=8&cc=4",
  "?v=1&eg=ollama",
  `?v=1&z=${"A".repeat(9000)}`, // a compressed payload that could expand without bound
  `?v=1&${unknownKeys(2500)}`, // many unknown keys: linear, 30 listed
  `?v=1&${unknownKeys(5000)}`, // beyond the stated size: refused with a message
];

/** Scenario JSON as the CLI reads it (`eval -`). */
export const SEED_SCENARIOS: readonly string[] = [
  '{"workload":{"bacth":64}}', // exit 0 with the default report
  '{"Workload":{"batch":64}}',
  '{"serving":{"requestRate":-1}}',
  '{"serving":{"requestRate":8,"concurrency":4}}',
  '{"hardware":{"chips":8,"pricePerHour":2}}', // a "Custom accelerator" with 32 GB/s
  '{"hardware":{"memoryBandwidth":1e-300}}',
  '{"hardware":{"peakFlops":{"bf16":1e-300}}}',
  '{"hardware":{"interconnectBandwidth":1e-300}}',
  '{"model":{"constructor":{"name":1}}}', // "internal: Cannot read properties of undefined", exit 1
  '{"model":{"hasOwnProperty":1}}',
  '{"hardware":{"valueOf":{"run":1}}}',
  '{"toString":{}}',
  '{"__proto__":{"workload":{"batch":64}}}',
  '{"hardware":{"peakFlops":{"constructor":1}}}',
  '{"model":{"params":1e400}}',
  '{"model":{"name":"\\u001b[2J\\u001b[31mred"}}',
  '\uFEFF{"workload":{"batch":2}}', // a byte-order mark was refused
  '{"engine":"vllm","serving":{"concurrency":32,"promptTokens":{"dist":"lognormal","mean":1024,"cv":0.8}}}',
  "[]",
  "null",
  '"scenario"',
];

/** Hugging Face config.json texts (the Import panel's box and file). */
export const SEED_CONFIGS: readonly string[] = [
  '{"model_type":"llama","hidden_size":1e400,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"intermediate_size":11008}', // "(got null)"
  '\uFEFF{"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"intermediate_size":11008}',
  '{"model_type":"constructor","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"intermediate_size":11008}',
  '{"constructor":1,"__proto__":{"hidden_size":1},"hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"intermediate_size":11008}',
  `{"model_type":"llama","_name_or_path":"${longName("n")}","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"intermediate_size":11008}`,
  `{"pad":"${"x".repeat(1_000_001)}"}`, // over the 1 MB cap
];

const entry = (over: Record<string, unknown>) =>
  JSON.stringify({ format: "inference-cost-explorer/scenario", version: 1, id: "seed-id", name: "seed", savedAt: "2026-01-01T00:00:00.000Z", link: "v=1&b=8", ...over });
const file = (scenarios: string[], over = "") => `{"format":"inference-cost-explorer/scenarios","version":1${over},"scenarios":[${scenarios.join(",")}]}`;

/** Saved-scenario export files (the Saved panel's Import). */
export const SEED_SAVED_FILES: readonly string[] = [
  file([entry({}), entry({ name: "same id, another scenario", link: "v=1&b=16" })]), // replaced the user's entry silently
  file([entry({ colour: "red" })]), // a field this tool does not write
  file([entry({})], ',"scenarioz":[]'),
  file([entry({ link: "v=1&bw=1e-300&lesson=constructor" })]),
  file([entry({ name: longName("z") })]),
  file([entry({ constructor: 1 }), entry(JSON.parse('{"__proto__":{"id":1}}') as Record<string, unknown>)]),
  `\uFEFF${file([entry({})])}`,
  file(Array.from({ length: 501 }, (_, i) => entry({ id: `id-${i}`, name: `n${i}` }))),
  `[${entry({ link: `v=1&${unknownKeys(40)}` })}]`,
  '{"format":"inference-cost-explorer/scenarios","version":99,"scenarios":[]}',
];
