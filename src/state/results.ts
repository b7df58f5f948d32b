/**
 * The only writer of results: whenever the scenario input changes, ask the cost client (worker or
 * in-thread fallback) and store its answer. Stale answers are dropped by the client.
 */
import type { CalculatorStore } from "./store";
import { createCostClient, type CostClient } from "../worker/client";

/** Wait after the last input change before recomputing the frontier (ms). */
export const FRONTIER_DELAY_MS = 120;

export function startResults(store: CalculatorStore, client: CostClient = createCostClient()): () => void {
  const unsubscribe = store.subscribe(
    (s) => s.input,
    async (input) => {
      store.setState((s) => ({ result: { ...s.result, pending: true } }));
      const answer = await client.analyseLatest(input);
      if (!answer) return; // superseded by a newer input
      store.setState((s) => ({ result: { ...s.result, analysis: answer.analysis, evaluator: answer.evaluator, pending: false } })); // keeps pinned and frontier
    },
    { fireImmediately: true },
  );
  // The frontier (a few hundred evaluations) is asked for only while its chart is shown, and at
  // most every FRONTIER_DELAY_MS during a drag, so it never delays the headline numbers.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const askFrontier = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const s = store.getState();
      if (s.view.insightTab !== "frontier") return;
      const answer = await client.frontierLatest(s.input);
      if (answer !== undefined) store.setState((st) => ({ result: { ...st.result, frontier: answer } }));
    }, FRONTIER_DELAY_MS);
  };
  const unsubscribeFrontier = store.subscribe(
    (s) => [s.input, s.view.insightTab] as const,
    ([, tab]) => {
      if (tab === "frontier") askFrontier();
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1], fireImmediately: true },
  );
  // Scenario A of a comparison: evaluated by the same worker whenever the pinned input changes.
  const unsubscribePinned = store.subscribe(
    (s) => s.compare,
    async (compare) => {
      if (!compare) return;
      const pinned = await client.pinnedLatest(compare);
      if (pinned !== undefined && store.getState().compare === compare) store.setState((s) => ({ result: { ...s.result, pinned } }));
    },
    { fireImmediately: true },
  );
  return () => {
    unsubscribePinned();
    clearTimeout(timer);
    unsubscribeFrontier();
    unsubscribe();
    client.dispose();
  };
}
