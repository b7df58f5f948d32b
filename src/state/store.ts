/**
 * The one store: the scenario input (the only thing the URL encodes), view state (memory only),
 * the link's warnings, and the latest worker answer (written only by state/results.ts).
 * Vanilla Zustand so results.ts, sync.ts and tests drive it without React.
 */
import { createStore } from "zustand/vanilla";
import { subscribeWithSelector } from "zustand/middleware";
import { useStore } from "zustand";
import { DEFAULT_SCENARIO_INPUT } from "../core/defaults";
import type { Engine, HardwareInput, ModelInput, Mode, Precision, ScenarioInput, Workload } from "../core";
import type { Analysis, FrontierAnswer, Headline } from "../worker/protocol";
import type { Evaluator } from "../worker/client";
import type { PinnedAnalysis } from "../worker/protocol";

/** Shape fields a user may edit in the Model panel. */
export const SHAPE_FIELDS = ["layers", "dModel", "heads", "kvHeads", "headDim", "dFF", "vocab"] as const;
export type ShapeField = (typeof SHAPE_FIELDS)[number];

/** Hardware figures a user may edit (SI units: bytes, bytes/s, USD per chip-hour). */
export type HardwareField = "memoryBytes" | "memoryBandwidth" | "interconnectBandwidth" | "pricePerHour";

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

/** The teaching charts' tabs. */
export type InsightTab = "roofline" | "attention" | "capacity" | "frontier";

/** The guided lesson being followed (in the URL as lesson/step). */
export interface LessonState {
  id: string;
  /** 0-based step index. */
  step: number;
}

export interface ViewState {
  /** The user closed the link-warnings notice. */
  linkNoticeDismissed: boolean;
  /** The breakdown chart shows seconds stacked, or each component's share of the time. */
  chartScale: "time" | "share";
  /** Which teaching chart is shown. */
  insightTab: InsightTab;
  /** Which "why?" explanations are open (term ids). */
  openWhy: string[];
  /** Fields whose typed value was refused, by label, with the last valid value the numbers still use. */
  held: Record<string, string>;
}

export interface CalculatorState {
  input: ScenarioInput;
  /** What the share link that opened this page contained that could not be used. */
  linkWarnings: string[];
  view: ViewState;
  result: ResultState;
  /** Scenario A of an A/B comparison (pinned while the page keeps editing B = `input`), or null. */
  compare: ScenarioInput | null;
  lesson: LessonState | null;
  /** Inputs one control move away from `input`, whose reports the worker computes ahead (state/results.ts). */
  nearby: ScenarioInput[];

  /**
   * Ask the worker ahead for the reports of what these actions would make the input. Each action
   * is an input setter of this store, run dry: it changes nothing.
   */
  prefetch(actions: ReadonlyArray<() => void>): void;
  /** Replace the whole input (a link was opened). */
  loadInput(input: ScenarioInput, linkWarnings?: string[]): void;
  setModelPreset(id: string): void;
  /** Switch to a custom model derived from a parameter count alone. */
  setModelParams(params: number): void;
  setShapeField(field: ShapeField, value: number): void;
  setHardwarePreset(id: string): void;
  setChips(chips: number): void;
  setHardwareField(field: HardwareField, value: number): void;
  /** Peak dense FLOP/s per chip at one math precision. */
  setPeakFlops(precision: Precision, flops: number): void;
  setWorkload(field: "batch" | "promptTokens" | "outputTokens", value: number): void;
  setPrecision(field: "weights" | "kvCache" | "activations", value: Precision): void;
  setMode(mode: Mode): void;
  /** The serving engine; undefined: the hardware vendor's default. */
  setEngine(engine: Engine | undefined): void;
  /** Merge fields into one block of the input (undefined removes a field); for the advanced levers. */
  patchInput<K extends PatchableBlock>(block: K, patch: Partial<NonNullable<ScenarioInput[K]>> | undefined): void;
  dismissLinkNotice(): void;
  setChartScale(scale: ViewState["chartScale"]): void;
  /** Pin the current scenario as A (B keeps editing), or replace/clear A (a link or a saved pair was opened). */
  pinCompare(): void;
  setCompare(a: ScenarioInput | null): void;
  /** Exchange A and B. */
  swapCompare(): void;
  setInsightTab(tab: InsightTab): void;
  /** Load a point of the latency–cost frontier: its chips, batch (and prefill batch) and weight precision. */
  applyFrontierPoint(p: { chips: number; batch: number; weights: Precision }): void;
  /** FlashAttention on (the default, left out of the input) or off: a scenario field, so every number follows. */
  setFlashAttention(on: boolean): void;
  /** A field refused its typed value (`value`: the last valid one, kept), or took one again (null). */
  setHeld(label: string, value: string | null): void;
  toggleWhy(id: string): void;
  /** Enter a lesson step (null leaves the lesson). */
  setLesson(lesson: LessonState | null): void;
}

/** Input blocks the advanced panel edits field by field. */
export type PatchableBlock = "workload" | "precision" | "parallelism" | "sparsity" | "speculative" | "serving";

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A fresh copy of the scenario the page opens with (the codec writes only differences from it). */
export function defaultInput(): ScenarioInput {
  return structuredClone(DEFAULT_SCENARIO_INPUT) as ScenarioInput;
}

export function createCalculatorStore(initial: ScenarioInput = defaultInput()) {
  return createStore<CalculatorState>()(
    subscribeWithSelector((set, get) => {
      /** The resolved scenario of the latest answer (presets applied), if any. */
      const resolved = () => get().result.analysis?.scenario ?? null;
      /** While `prefetch` dry-runs an action, the input it would set (nothing is applied). */
      let dryRun: { input: ScenarioInput | null } | null = null;
      const setInput = (f: (i: ScenarioInput) => ScenarioInput) => {
        if (dryRun) dryRun.input = f(get().input);
        else set((s) => ({ input: f(s.input) }));
      };

      /** The model block to edit: keeps a preset's name, or spells out a derived shape in full. */
      function editableModel(): ModelInput {
        const cur = get().input.model ?? {};
        const sc = resolved()?.model;
        if (cur.params !== undefined && sc) {
          // A derived shape: freeze it into explicit fields so an edit changes only that field.
          const { preset: _p, derivedFromParams: _d, ...shape } = sc;
          return withoutUndefined({ ...shape });
        }
        if (cur.preset === undefined && sc?.preset) return { preset: sc.preset, ...cur };
        return cur;
      }

      function editableHardware(): HardwareInput {
        const cur = get().input.hardware ?? {};
        const preset = resolved()?.hardware.preset;
        if (cur.preset === undefined && preset) return { preset, ...cur };
        return cur;
      }

      return {
        input: initial,
        linkWarnings: [],
        view: { linkNoticeDismissed: false, chartScale: "share", insightTab: "roofline", openWhy: [], held: {} },
        result: { analysis: null, evaluator: null, pending: false },
        compare: null,
        lesson: null,
        nearby: [],

        prefetch: (actions) => {
          const nearby: ScenarioInput[] = [];
          for (const act of actions) {
            const run = (dryRun = { input: null });
            try {
              act();
            } finally {
              dryRun = null;
            }
            if (run.input) nearby.push(run.input);
          }
          set({ nearby });
        },
        loadInput: (input, linkWarnings = []) =>
          set({ input, linkWarnings, view: { ...get().view, linkNoticeDismissed: false } }),
        setModelPreset: (id) => setInput((i) => ({ ...i, model: { preset: id } })),
        setModelParams: (params) => setInput((i) => ({ ...i, model: { params: Math.round(params) } })),
        setShapeField: (field, value) => {
          const model = editableModel();
          setInput((i) => ({ ...i, model: { ...model, [field]: value } }));
        },
        setHardwarePreset: (id) =>
          setInput((i) => ({
            ...i,
            // keep the chip count the user chose; the preset supplies the figures
            hardware: withoutUndefined({ preset: id, chips: i.hardware?.chips }),
          })),
        setChips: (chips) => {
          const hw = editableHardware();
          setInput((i) => ({ ...i, hardware: { ...hw, chips } }));
        },
        setHardwareField: (field, value) => {
          const hw = editableHardware();
          // bytes are whole numbers; rates and prices may be fractional
          const v = field === "memoryBytes" ? Math.round(value) : value;
          setInput((i) => ({ ...i, hardware: { ...hw, [field]: v } }));
        },
        setPeakFlops: (precision, flops) => {
          const hw = editableHardware();
          const peak = { ...(resolved()?.hardware.peakFlops ?? {}), ...(hw.peakFlops ?? {}), [precision]: flops };
          setInput((i) => ({ ...i, hardware: { ...hw, peakFlops: peak } }));
        },
        setWorkload: (field, value) =>
          setInput((i) => ({ ...i, workload: { ...(i.workload ?? {}), [field]: value } as Partial<Workload> })),
        setPrecision: (field, value) => setInput((i) => ({ ...i, precision: { ...(i.precision ?? {}), [field]: value } })),
        setMode: (mode) => setInput((i) => ({ ...i, mode })),
        setEngine: (engine) =>
          setInput((i) => {
            const { engine: _old, ...rest } = i;
            return engine === undefined ? rest : { ...rest, engine };
          }),
        patchInput: (block, patch) =>
          setInput((i) => {
            if (patch === undefined) {
              const { [block]: _drop, ...rest } = i;
              return rest;
            }
            const merged = withoutUndefined({ ...((i[block] as object | undefined) ?? {}), ...patch });
            return { ...i, [block]: merged };
          }),
        dismissLinkNotice: () => set((s) => ({ view: { ...s.view, linkNoticeDismissed: true } })),
        setChartScale: (chartScale) => set((s) => ({ view: { ...s.view, chartScale } })),
        pinCompare: () => set((s) => ({ compare: structuredClone(s.input) })),
        setCompare: (compare) => set((s) => ({ compare, result: compare ? s.result : { ...s.result, pinned: null } })),
        swapCompare: () => set((s) => (s.compare ? { compare: s.input, input: s.compare } : {})),
        setInsightTab: (insightTab) => set((s) => ({ view: { ...s.view, insightTab } })),
        applyFrontierPoint: ({ chips, batch, weights }) => {
          const hw = editableHardware();
          setInput((i) => ({
            ...i,
            hardware: { ...hw, chips },
            // the prefill batch follows the batch when unset
            workload: { ...withoutUndefined({ ...(i.workload ?? {}), prefillBatch: undefined }), batch },
            precision: { ...(i.precision ?? {}), weights },
          }));
        },
        setFlashAttention: (on) =>
          setInput((i) => {
            const { flashAttention: _drop, ...rest } = i;
            return on ? rest : { ...rest, flashAttention: false };
          }),
        setHeld: (label, value) =>
          set((s) => {
            if ((s.view.held[label] ?? null) === value) return s;
            const { [label]: _drop, ...rest } = s.view.held;
            return { view: { ...s.view, held: value === null ? rest : { ...rest, [label]: value } } };
          }),
        toggleWhy: (id) =>
          set((s) => ({
            view: { ...s.view, openWhy: s.view.openWhy.includes(id) ? s.view.openWhy.filter((x) => x !== id) : [...s.view.openWhy, id] },
          })),
        setLesson: (lesson) => set({ lesson }),
      };
    }),
  );
}

export type CalculatorStore = ReturnType<typeof createCalculatorStore>;

/** The page's store. */
export const calculatorStore = createCalculatorStore();

/** Read the page's store from React through a selector (see state/selectors.ts). */
export function useCalculator<T>(selector: (s: CalculatorState) => T): T {
  return useStore(calculatorStore, selector);
}
