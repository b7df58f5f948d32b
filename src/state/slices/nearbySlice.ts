/**
 * Inputs one control move away from `input`, whose reports the worker computes ahead
 * (state/results.ts): `prefetch` runs input setters dry and keeps what they would set.
 */
import type { ScenarioInput } from "../../core";
import type { DryRun, SliceCreator } from "./types";

export interface NearbySlice {
  /** Inputs one control move away from `input`, whose reports the worker computes ahead (state/results.ts). */
  nearby: ScenarioInput[];
  /**
   * Ask the worker ahead for the reports of what these actions would make the input. Each action
   * is an input setter of this store, run dry: it changes nothing.
   */
  prefetch(actions: ReadonlyArray<() => void>): void;
}

export const createNearbySlice =
  (dry: DryRun): SliceCreator<NearbySlice> =>
  (set) => ({
    nearby: [],
    prefetch: (actions) => {
      const nearby: ScenarioInput[] = [];
      for (const act of actions) {
        const run = (dry.active = { input: null });
        try {
          act();
        } finally {
          dry.active = null;
        }
        if (run.input) nearby.push(run.input);
      }
      set({ nearby });
    },
  });
