/** The latest worker answers: state only, written by state/results.ts (no actions here). */
import type { ScenarioInput } from "../../core";
import type { Evaluator } from "../../worker/client";
import type { Analysis, FrontierAnswer, Headline, PinnedAnalysis } from "../../worker/protocol";
import type { SliceCreator } from "./types";

export interface ResultState {
  analysis: Analysis | null;
  evaluator: Evaluator | null;
  /** A request is in flight for the current input. */
  pending: boolean;
  /** The pinned scenario A's analysis (compare mode); written only by state/results.ts. */
  pinned?: PinnedAnalysis | null;
  /** The latest latency–cost frontier (asked for only while its chart is shown). */
  frontier?: FrontierAnswer | null;
  /**
   * The worker's report for `input`, computed ahead (before the slider got there; see `prefetch`),
   * shown in the input's own frame until the full analysis arrives. Written only by state/results.ts.
   */
  headline?: (Headline & { input: ScenarioInput }) | null;
}

export interface ResultsSlice {
  result: ResultState;
}

export const createResultsSlice: SliceCreator<ResultsSlice> = () => ({
  result: { analysis: null, evaluator: null, pending: false },
});
