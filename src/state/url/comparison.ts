/**
 * Comparison links: B (the page's scenario) as usual, and the pinned scenario A as its own
 * encoded query in the reserved `cmp` key (`…&cmp=v%3D1%26w%3Dint4`). Never throws. Pure; no DOM.
 */
import type { ScenarioInput } from "../../core/index";
import { RESERVED_KEYS } from "./schema";
import { decodeScenario, type DecodeResult } from "./decode";
import { encodeScenario, type EncodeOptions } from "./encode";
import { MAX_LINK_CHARS } from "./link";
import { show } from "./text";

/** Longest `cmp=` value read (characters): half the longest link; a scenario's own query is far shorter. */
export const MAX_COMPARE_CHARS = MAX_LINK_CHARS / 2;

/**
 * A link carrying an A/B comparison: B (the page's scenario) as usual, and the pinned scenario A as
 * its own encoded query in the reserved `cmp` key (`…&cmp=v%3D1%26w%3Dint4`). A null A writes a
 * plain link. Never throws.
 */
export function encodeComparison(b: ScenarioInput, a: ScenarioInput | null, options: EncodeOptions = {}): string {
  const reserved = { ...options.reserved };
  if (a) reserved.cmp = encodeScenario(a, { compress: options.compress });
  else delete reserved.cmp;
  return encodeScenario(b, { ...options, reserved });
}

export interface ComparisonResult {
  /** The page's scenario (B) with its warnings; `reserved.cmp` is the raw A query. */
  b: DecodeResult;
  /** Scenario A when the link carries `cmp`, its warnings prefixed "cmp: "; else null. */
  a: DecodeResult | null;
}

/** Reads both scenarios of a comparison link (B, and A from `cmp`); a damaged A is reported, never thrown. */
export function decodeComparison(link: string): ComparisonResult {
  const b = decodeScenario(link);
  const raw = b.reserved.cmp;
  if (raw === undefined || raw.trim() === "") return { b, a: null };
  if (raw.length > MAX_COMPARE_CHARS) {
    return { b: { ...b, warnings: [...b.warnings, `cmp: longer than ${MAX_COMPARE_CHARS} characters; scenario A ignored`] }, a: null };
  }
  const inner = decodeScenario(raw);
  const own: string[] = [];
  for (const key of RESERVED_KEYS) {
    const value = inner.reserved[key];
    if (value === undefined) continue;
    own.push(
      key === "cmp"
        ? `cmp: a compared scenario cannot carry its own cmp (got cmp=${show(value)}); ignored`
        : `cmp: ${key}= inside the compared scenario is not read; ignored ${key}=${show(value)}`,
    );
  }
  return { b, a: { ...inner, reserved: {}, warnings: [...inner.warnings.map((w) => `cmp: ${w}`), ...own] } };
}
