/**
 * The only writer of results: whenever the scenario input changes, ask the cost client (worker or
 * in-thread fallback) and store its answer. Stale answers are dropped by the client.
 */
import type { CalculatorStore } from "./store";
import { createCostClient, type CostClient } from "../worker/client";

export function startResults(store: CalculatorStore, client: CostClient = createCostClient()): () => void {
  const unsubscribe = store.subscribe(
    (s) => s.input,
    async (input) => {
      store.setState((s) => ({ result: { ...s.result, pending: true } }));
      const answer = await client.analyseLatest(input);
      if (!answer) return; // superseded by a newer input
      store.setState({ result: { analysis: answer.analysis, evaluator: answer.evaluator, pending: false } });
    },
    { fireImmediately: true },
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
    unsubscribe();
    client.dispose();
  };
}
