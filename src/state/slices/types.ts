/**
 * What every slice of the calculator store shares: the creator type of the Zustand slices pattern
 * (each slice sees the whole state through get/set and returns its own part), and the dry-run
 * switch the input setters and `prefetch` share.
 */
import type { StateCreator } from "zustand/vanilla";
import type { ScenarioInput } from "../../core";
import type { CalculatorState } from "../store";

/** A slice of CalculatorState, created inside subscribeWithSelector (store.ts). */
export type SliceCreator<Slice> = StateCreator<CalculatorState, [["zustand/subscribeWithSelector", never]], [], Slice>;

/**
 * One per store. While `prefetch` runs an input setter dry, `active` collects the input that
 * setter would set, and nothing is applied; null otherwise.
 */
export interface DryRun {
  active: { input: ScenarioInput | null } | null;
}

export function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
