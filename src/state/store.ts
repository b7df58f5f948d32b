/**
 * The one store, in slices (Zustand's slices pattern, one file each under state/slices/):
 *   inputSlice    the scenario input (the only thing the URL encodes), its setters, the link's warnings
 *   nearbySlice   inputs one control move away, whose reports the worker computes ahead (`prefetch`)
 *   viewSlice     view state (memory only)
 *   lessonSlice   the guided lesson being followed
 *   compareSlice  scenario A of an A/B comparison
 *   resultsSlice  the latest worker answers (written only by state/results.ts)
 * Vanilla Zustand so results.ts, sync.ts and tests drive it without React.
 */
import { createStore } from "zustand/vanilla";
import { subscribeWithSelector } from "zustand/middleware";
import { useStore } from "zustand";
import { DEFAULT_SCENARIO_INPUT } from "../core/defaults";
import type { ScenarioInput } from "../core";
import { createCompareSlice, type CompareSlice } from "./slices/compareSlice";
import { createInputSlice, type InputSlice } from "./slices/inputSlice";
import { createLessonSlice, type LessonSlice } from "./slices/lessonSlice";
import { createNearbySlice, type NearbySlice } from "./slices/nearbySlice";
import { createResultsSlice, type ResultsSlice } from "./slices/resultsSlice";
import { createViewSlice, type ViewSlice } from "./slices/viewSlice";
import type { DryRun } from "./slices/types";

export { SHAPE_FIELDS } from "./slices/inputSlice";
export type { HardwareField, PatchableBlock, ShapeField } from "./slices/inputSlice";
export type { InsightTab, ViewState } from "./slices/viewSlice";
export type { LessonState } from "./slices/lessonSlice";
export type { ResultState } from "./slices/resultsSlice";

export type CalculatorState = InputSlice & NearbySlice & ViewSlice & LessonSlice & CompareSlice & ResultsSlice;

/** A fresh copy of the scenario the page opens with (the codec writes only differences from it). */
export function defaultInput(): ScenarioInput {
  return structuredClone(DEFAULT_SCENARIO_INPUT) as ScenarioInput;
}

export function createCalculatorStore(initial: ScenarioInput = defaultInput()) {
  // shared by this store's input setters and its prefetch, and by nothing else
  const dry: DryRun = { active: null };
  return createStore<CalculatorState>()(
    subscribeWithSelector((...a) => ({
      ...createInputSlice(initial, dry)(...a),
      ...createNearbySlice(dry)(...a),
      ...createViewSlice(...a),
      ...createLessonSlice(...a),
      ...createCompareSlice(...a),
      ...createResultsSlice(...a),
    })),
  );
}

export type CalculatorStore = ReturnType<typeof createCalculatorStore>;

/** The page's store. */
export const calculatorStore = createCalculatorStore();

/** Read the page's store from React through a selector (see state/selectors.ts). */
export function useCalculator<T>(selector: (s: CalculatorState) => T): T {
  return useStore(calculatorStore, selector);
}
