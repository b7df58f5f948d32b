/** Scenario A of an A/B comparison, pinned while the page keeps editing B (= `input`). */
import type { ScenarioInput } from "../../core";
import type { DistillAssumptions } from "../../core/distill";
import type { SliceCreator } from "./types";

export interface CompareSlice {
  /** Scenario A of an A/B comparison (pinned while the page keeps editing B = `input`), or null. */
  compare: ScenarioInput | null;
  /** Pin the current scenario as A (B keeps editing), or replace/clear A (a link or a saved pair was opened). */
  pinCompare(): void;
  setCompare(a: ScenarioInput | null): void;
  /** Exchange A and B. */
  swapCompare(): void;
  /** The break-even assumptions the user set (the rest follow core/distill.ts's defaults); a link carries them. */
  distill: Partial<DistillAssumptions>;
  /** Set some assumptions (merged), or replace them all (a link was opened). */
  setDistill(patch: Partial<DistillAssumptions>, replace?: boolean): void;
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set) => ({
  compare: null,
  pinCompare: () => set((s) => ({ compare: structuredClone(s.input) })),
  // clearing A drops its analysis too
  setCompare: (compare) => set((s) => ({ compare, result: compare ? s.result : { ...s.result, pinned: null } })),
  swapCompare: () => set((s) => (s.compare ? { compare: s.input, input: s.compare } : {})),
  distill: {},
  setDistill: (patch, replace = false) => set((s) => ({ distill: replace ? { ...patch } : { ...s.distill, ...patch } })),
});
