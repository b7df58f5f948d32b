/**
 * The scenario input (the only thing the URL encodes) and its setters, one per control. Each
 * setter goes through `setInput`, which `prefetch` (nearbySlice.ts) can run dry.
 */
import type { Engine, HardwareInput, ModelInput, Mode, Precision, ScenarioInput, Workload } from "../../core";
import type { DryRun, SliceCreator } from "./types";
import { withoutUndefined } from "./types";
import { ENGINE_PROFILES } from "../../core/engines";

/** Shape fields a user may edit in the Model panel. */
export const SHAPE_FIELDS = ["layers", "dModel", "heads", "kvHeads", "headDim", "dFF", "vocab"] as const;
export type ShapeField = (typeof SHAPE_FIELDS)[number];

/** Hardware figures a user may edit (SI units: bytes, bytes/s, USD per chip-hour). */
export type HardwareField = "memoryBytes" | "memoryBandwidth" | "interconnectBandwidth" | "pricePerHour";

/** Input blocks the advanced panel edits field by field. */
export type PatchableBlock = "workload" | "precision" | "parallelism" | "sparsity" | "speculative" | "serving" | "engineOptions";

export interface InputSlice {
  input: ScenarioInput;
  /** What the share link that opened this page contained that could not be used. */
  linkWarnings: string[];

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
  /** Load a point of the latency–cost frontier: its chips, batch (and prefill batch) and weight precision. */
  applyFrontierPoint(p: { chips: number; batch: number; weights: Precision }): void;
  /** FlashAttention on (the default, left out of the input) or off: a scenario field, so every number follows. */
  setFlashAttention(on: boolean): void;
}

export const createInputSlice =
  (initial: ScenarioInput, dry: DryRun): SliceCreator<InputSlice> =>
  (set, get) => {
    /** The resolved scenario of the latest answer (presets applied), if any. */
    const resolved = () => get().result.analysis?.scenario ?? null;
    const setInput = (f: (i: ScenarioInput) => ScenarioInput) => {
      if (dry.active) dry.active.input = f(get().input);
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

      loadInput: (input, linkWarnings = []) => set({ input, linkWarnings, view: { ...get().view, linkNoticeDismissed: false } }),
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
          const { engine: _old, engineOptions, ...rest } = i;
          // an option the new engine has no switch for would only come back as a field issue
          const keep = engineOptions && (engine === undefined || ENGINE_PROFILES[engine].eagerKernelS !== undefined) ? { engineOptions } : {};
          return engine === undefined ? { ...rest, ...keep } : { ...rest, ...keep, engine };
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
    };
  };
