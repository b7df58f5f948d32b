/**
 * The only writer of results: whenever the scenario input changes, ask the cost client (worker or
 * in-thread fallback) and store its answer. Stale answers are dropped by the client.
 *
 * Reports computed ahead: the worker also evaluates the inputs one control move away
 * (`store.nearby`, set by a slider when it is focused, hovered or moved). When the input lands on
 * one of them, its report is shown at once, in the input's own frame, and the full analysis
 * (charts, explanations) follows from the worker a frame later. An input that was not computed
 * ahead asks for its report first, then the full analysis. Nothing is computed here.
 */
import type { CalculatorStore, ResultState } from "./store";
import { shareEqual } from "../lib/share";
import type { ScenarioInput } from "../core";
import type { Analysis, Headline } from "../worker/protocol";
import { createCostClient, type CostClient } from "../worker/client";

/** Reports kept ahead at most, ~3 KB each (a slider's window is ≤ 48; the table restarts when full). */
export const AHEAD_LIMIT = 600;
/** Reports asked for per message (nearest first, as the sliders list them). */
export const AHEAD_CHUNK = 8;

/**
 * The new analysis with every part equal to what the page already shows kept as the same object
 * (the report computed ahead, the previous sweeps), so components and charts whose data did not
 * change skip their render when the worker's answer lands.
 */
export function sharedAnalysis(prev: ResultState, next: Analysis): Analysis {
  const out = shareEqual(prev.analysis, next) ?? next;
  const ahead = prev.headline;
  if (!ahead || !out.report) return out;
  const report = shareEqual(ahead.report, out.report);
  const roofline = out.insights ? shareEqual(ahead.roofline, out.insights.roofline) : undefined;
  if (report === out.report && roofline === out.insights?.roofline) return out;
  return { ...out, report, insights: out.insights && roofline ? { ...out.insights, roofline } : out.insights };
}

/** Identity of an input for the table: store setters build inputs in a fixed key order. */
const keyOf = (input: ScenarioInput) => JSON.stringify(input);

/**
 * Whether only the workload (batch, prompt, output) differs: the worker's caches of everything
 * keyed on model, hardware and precision (feasible region, memory by batch) still hold, and the
 * full analysis is about as quick as the report alone.
 */
export function workloadMove(previous: ScenarioInput | undefined, input: ScenarioInput): boolean {
  // no previous input: the first load (the store's subscription fires at once with previous = input)
  if (!previous || previous === input) return false;
  const { workload: _a, ...a } = previous;
  const { workload: _b, ...b } = input;
  return keyOf(a as ScenarioInput) === keyOf(b as ScenarioInput);
}

/** Wait after the last input change before recomputing the frontier (ms). */
export const FRONTIER_DELAY_MS = 120;

/**
 * `first`: the worker's answer to the page's address (worker/early.ts), taken as a report computed
 * ahead when it is for the input the store holds, so the first render shows it at once.
 */
export function startResults(store: CalculatorStore, client: CostClient = createCostClient(), first?: { input: ScenarioInput; headline: Headline }): () => void {
  const ahead = new Map<string, Headline>();
  if (first && keyOf(first.input) === keyOf(store.getState().input)) ahead.set(keyOf(first.input), first.headline);
  // the keys of the latest window asked for (the positions one control move away from the input)
  let windowKeys = new Set<string>();
  const unsubscribeNearby = store.subscribe(
    (s) => s.nearby,
    async (nearby) => {
      const keyed = nearby.map((input) => ({ input, key: keyOf(input) }));
      windowKeys = new Set(keyed.map((k) => k.key));
      const missing = keyed.filter(({ key }) => !ahead.has(key));
      if (missing.length === 0) return;
      if (ahead.size + missing.length > AHEAD_LIMIT) ahead.clear();
      // In chunks, one after the other: the worker answers in order, so an input's own request
      // (a click right after the hover that asked for these) waits for one chunk, not for all.
      for (let i = 0; i < missing.length; i += AHEAD_CHUNK) {
        if (store.getState().nearby !== nearby) return; // superseded by a newer window
        const part = missing.slice(i, i + AHEAD_CHUNK);
        const reports = await client.reports(part.map((m) => m.input));
        reports.forEach((r, j) => {
          if (r) ahead.set(part[j]!.key, r);
        });
      }
    },
  );
  const unsubscribe = store.subscribe(
    (s) => s.input,
    async (input, previous) => {
      const key = keyOf(input);
      const hit = ahead.get(key);
      // A workload move off the current window (a click far along the track) takes the analysis
      // alone below, which paints numbers and charts in one frame ~1 ms later; a report left ahead
      // by an older window would paint the numbers a frame before the charts.
      // (a hit in the window needs no comparison: a drag or a key press stays on this path)
      const move = hit && windowKeys.has(key) ? null : workloadMove(previous, input);
      const known = hit && !move ? hit : undefined;
      store.setState((s) => ({ result: { ...s.result, pending: true, headline: known ? { ...known, input } : null } }));
      if (!known && !move) {
        // Not computed ahead and more than the workload changed (the first load, another model,
        // chip or precision, a typed value): ask for the report alone first. The worker answers
        // in order, so it lands before the full analysis, which then keeps its objects
        // (sharedAnalysis). A workload move (a click far along the batch, prompt or output
        // track) skips this: its analysis costs the worker ~1 ms (p95 1.4 ms, Llama 8B to 405B),
        // and a report of its own cost the page a second render and often a frame before the
        // charts could follow (README, "Third pass").
        void client.reports([input]).then(([r]) => {
          const s = store.getState();
          if (r && s.input === input && s.result.pending) store.setState((st) => ({ result: { ...st.result, headline: { ...r, input } } }));
        });
      }
      const answer = await client.analyseLatest(input);
      if (!answer) return; // superseded by a newer input
      // keeps pinned and frontier
      store.setState((s) => ({ result: { ...s.result, analysis: sharedAnalysis(s.result, answer.analysis), evaluator: answer.evaluator, pending: false, headline: null } }));
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
      // the worker answers from its cache while only the batch moves: keep the object the page shows
      if (answer !== undefined) store.setState((st) => ({ result: { ...st.result, frontier: shareEqual(st.result.frontier ?? null, answer) } }));
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
    unsubscribeNearby();
    unsubscribePinned();
    clearTimeout(timer);
    unsubscribeFrontier();
    unsubscribe();
    client.dispose();
  };
}
