/**
 * Share links: a ScenarioInput ↔ a compact query string (`v=1&m=llama-3.1-70b&n=8&b=16`).
 *
 * The link is a versioned file format (shared/STYLE.md, principle 3):
 * - every key is a row of SCHEMA (schema.ts); keys are written in the table's order;
 * - a field equal to DEFAULT_SCENARIO_INPUT's value is left out, so the default scenario is
 *   `v=1`, and decoding starts from DEFAULT_SCENARIO_INPUT and applies the link on top;
 * - a field that the default sets but the scenario leaves out is written `key=~` (for example
 *   `m=~`: a custom model with no preset), so decode(encode(x)) gives back exactly x;
 * - decoding never throws: anything it cannot read becomes a warning naming the field's contract
 *   path and what was ignored, and every readable field is kept;
 * - the codec checks syntax and the core's plausible ranges (core/limits.ts, the same words);
 *   the core's resolveScenario still owns the cross-field rules, and its issues become warnings
 *   too (the offending fields fall back to the default);
 * - decoding is linear in the link's length: at most MAX_WARNINGS warnings are listed, then one
 *   line counting the rest; a link longer than MAX_LINK_CHARS is refused with a message;
 * - long links may be compressed into one `z=` key (lz-string), decoded the same way;
 * - old links are brought up to date by MIGRATIONS before they are read.
 *
 * This module is the codec's one import path; each idea lives in its own file:
 *   link.ts        a link's `key=value` pairs, its `v=` version, MIGRATIONS, MAX_LINK_CHARS
 *   text.ts        percent-encoding in and out, showing a value inside a warning
 *   paths.ts       reading and writing a scenario field by its contract path
 *   compression.ts the `z=` key (lz-string): writing it, reading it back, its limits
 *   warnings.ts    the warnings of one decode, capped at MAX_WARNINGS
 *   encode.ts      scenario → link (encodeScenario)
 *   decode.ts      link → scenario with warnings (parseScenarioLink, decodeScenario)
 *   comparison.ts  A/B links: scenario A in the reserved `cmp` key
 *
 * Pure: imports only the core's public surface and lz-string; no DOM (tsconfig.core.json).
 */
export { MAX_LINK_CHARS, MIGRATIONS, splitLink } from "./link";
export type { LinkParam, Migration } from "./link";
export { MAX_COMPRESSED_CHARS } from "./compression";
export { MAX_WARNINGS } from "./warnings";
export { encodeScenario } from "./encode";
export type { EncodeOptions } from "./encode";
export { decodeScenario, parseScenarioLink } from "./decode";
export type { DecodeResult, ReadOptions } from "./decode";
export { MAX_COMPARE_CHARS, decodeComparison, encodeComparison } from "./comparison";
export type { ComparisonResult } from "./comparison";
