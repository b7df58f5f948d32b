/**
 * The distillation break-even's assumptions in a link: `bet` training tokens, `bem` training MFU,
 * `ber` traffic (requests/s), `bef` whether the teacher's forward pass counts (1 or 0). Reserved
 * keys the codec passes through; only what the user set is written, and only beside a compared
 * scenario A (the break-even needs both). Each value is checked against the same ranges as the
 * page's fields (core/distill.ts DISTILL_RANGES), in the same words. Pure: no DOM.
 */
import { DISTILL_RANGES, type DistillAssumptions } from "../core/distill";
import { sig } from "../core/format";

export const BREAK_EVEN_KEYS = { trainingTokens: "bet", mfu: "bem", requestsPerS: "ber", teacherForward: "bef" } as const;

type Numeric = keyof typeof DISTILL_RANGES;
const NUMERIC = Object.keys(DISTILL_RANGES) as Numeric[];
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A number as a link writes it: shortest round-trip form, large ones as 2e10. */
const write = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential().replace("e+", "e") : String(v));

/** The page's words for a break-even value outside its range (the field and the link say the same). */
export function breakEvenRangeMessage(k: Numeric): string {
  const r = DISTILL_RANGES[k];
  return `${r.label} must be a number from ${sig(r.min)} to ${sig(r.max)} ${r.unit}`;
}

/** The assumptions a link's reserved values set, and one warning per value not used. */
export function readBreakEven(keys: Partial<Record<string, string>>, hasCompare: boolean): { distill: Partial<DistillAssumptions>; warnings: string[] } {
  const distill: Partial<DistillAssumptions> = {};
  const warnings: string[] = [];
  const given = Object.values(BREAK_EVEN_KEYS).filter((k) => keys[k] !== undefined);
  if (given.length === 0) return { distill, warnings };
  if (!hasCompare) {
    warnings.push(`${given.join(", ")}: break-even values without a compared scenario (cmp); ignored`);
    return { distill, warnings };
  }
  for (const k of NUMERIC) {
    const raw = keys[BREAK_EVEN_KEYS[k]];
    if (raw === undefined) continue;
    const v = /^\s*[0-9.]+(?:e[+-]?\d+)?\s*$/i.test(raw) ? Number(raw) : NaN;
    const r = DISTILL_RANGES[k];
    if (Number.isFinite(v) && v >= r.min && v <= r.max) distill[k] = v;
    else warnings.push(`${BREAK_EVEN_KEYS[k]}: ${breakEvenRangeMessage(k)} (got ${show(raw)}); ignored`);
  }
  const f = keys[BREAK_EVEN_KEYS.teacherForward];
  if (f === "1" || f === "0") distill.teacherForward = f === "1";
  else if (f !== undefined) warnings.push(`${BREAK_EVEN_KEYS.teacherForward}: whether the teacher's forward pass counts must be 1 or 0 (got ${show(f)}); ignored`);
  return { distill, warnings };
}

/** The reserved link values for the assumptions the user set ({} when none, or no compared scenario). */
export function breakEvenReserved(distill: Partial<DistillAssumptions>, hasCompare: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!hasCompare) return out;
  for (const k of NUMERIC) {
    const v = distill[k];
    if (v !== undefined && Number.isFinite(v)) out[BREAK_EVEN_KEYS[k]] = write(v);
  }
  if (distill.teacherForward !== undefined) out[BREAK_EVEN_KEYS.teacherForward] = distill.teacherForward ? "1" : "0";
  return out;
}
