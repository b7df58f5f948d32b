import { useCalculator } from "../../state/store";
import { HARDWARE_OPTIONS, selectReport, selectScenario } from "../../state/selectors";
import { PLAUSIBLE } from "../../core/limits";
import { LogSlider } from "../controls/LogSlider";
import { NumberField } from "../controls/NumberField";
import { Select } from "../controls/Select";
import { Panel } from "./Panel";
import { formatInt } from "../format";
import { ENGINE_PROFILES } from "../../core/engines";
import { ENGINES, type Engine, type Precision } from "../../core/types";

const CUSTOM = "__custom";
const DEFAULT_ENGINE = "__default";

export function HardwarePanel() {
  const input = useCalculator((s) => s.input.hardware);
  // narrow reads: an answer that changes only the batch's numbers does not re-render this panel
  const hw = useCalculator((s) => selectScenario(s)?.hardware);
  const mathPrecision: Precision = useCalculator((s) => selectReport(s)?.roofline.mathPrecision ?? "bf16");
  const reportPeak = useCalculator((s) => selectReport(s)?.roofline.peakFlops ?? null);
  const engine = useCalculator((s) => selectReport(s)?.engine ?? null);
  const engineAssumed = useCalculator((s) => selectReport(s)?.engineAssumed ?? false);
  const realistic = useCalculator((s) => selectReport(s)?.assumptions.mode === "realistic");
  // a MoE on an engine with a grouped-GEMM figure for this chip (engines.ts); a boolean, so slider moves do not re-render
  const grouped = useCalculator((s) => selectReport(s)?.prefill.groupedGemmShare !== undefined);
  const setHardwarePreset = useCalculator((s) => s.setHardwarePreset);
  const setChips = useCalculator((s) => s.setChips);
  const setHardwareField = useCalculator((s) => s.setHardwareField);
  const setPeakFlops = useCalculator((s) => s.setPeakFlops);
  const engineInput = useCalculator((s) => s.input.engine);
  const setEngine = useCalculator((s) => s.setEngine);
  const cudaGraphs = useCalculator((s) => s.input.engineOptions?.cudaGraphs ?? true);
  const patchInput = useCalculator((s) => s.patchInput);

  const presetId = input?.preset ?? hw?.preset;
  const selected = presetId && HARDWARE_OPTIONS.some((o) => o.id === presetId) ? presetId : CUSTOM;
  const options = [
    ...HARDWARE_OPTIONS.map((o) => ({ value: o.id, label: o.uncertain ? `${o.label} (uncertain: ${o.uncertain})` : o.label })),
    ...(selected === CUSTOM ? [{ value: CUSTOM, label: "Custom" }] : []),
  ];
  const peak = reportPeak ?? hw?.peakFlops[mathPrecision] ?? null;
  const chips = input?.chips ?? hw?.chips ?? null;
  const n = (x: number | undefined | null, scale: number) => (typeof x === "number" ? x / scale : null);
  // The engine the report used: the one chosen, else the vendor's default (named as assumed).
  const assumed = engine && !engineInput ? ENGINE_PROFILES[engine].label : null;
  const engineOptions = [
    { value: DEFAULT_ENGINE, label: assumed ? `Default for this chip: ${assumed}` : "Default for this chip" },
    ...ENGINES.map((e) => ({ value: e, label: ENGINE_PROFILES[e].label })),
  ];

  return (
    <Panel title="Hardware" id="panel-hardware">
      <Select
        label="Accelerator"
        value={selected}
        options={options}
        onChange={(v) => v !== CUSTOM && setHardwarePreset(v)}
        testId="hardware-preset"
      />
      <LogSlider
        label="Chips"
        unit="accelerators per model replica"
        numberUnit="chips"
        min={1}
        max={2048}
        integer
        value={chips}
        onChange={setChips}
        valueText={(v) => `${formatInt(v)} chips`}
        testId="chips"
        range={PLAUSIBLE["hardware.chips"]}
      />
      <Select
        label="Serving engine"
        value={engineInput ?? DEFAULT_ENGINE}
        options={engineOptions}
        onChange={(v) => setEngine(v === DEFAULT_ENGINE ? undefined : (v as Engine))}
        testId="engine"
      />
      {engine && ENGINE_PROFILES[engine].eagerKernelS !== undefined && (
        <label className="flex items-center gap-2 text-sm text-slate-700" title="Off: every kernel is issued from Python (vLLM enforce_eager, SGLang --disable-cuda-graph, plain PyTorch), ~31 µs each, and a step lasts at least that long">
          <input
            type="checkbox"
            checked={cudaGraphs}
            onChange={(e) => patchInput("engineOptions", e.target.checked ? undefined : { cudaGraphs: false })}
            data-testid="engine-cuda-graphs"
          />
          CUDA graphs (decode steps replayed, not issued kernel by kernel)
        </label>
      )}
      {engine && realistic && (
        <p className="text-xs text-slate-500" data-testid="engine-note">
          {ENGINE_PROFILES[engine].label}
          {engineAssumed ? " assumed (the chip vendor's usual stack)" : ""}: its per-kernel, per-sequence and attention-kernel costs are in the realistic numbers
          {grouped ? ", and so is the slower rate of its grouped GEMMs for the MoE's experts (the time to first token's why? gives it)" : ""}
          {cudaGraphs ? "." : ", with every kernel issued from the host (CUDA graphs off)."}
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Figures per chip</summary>
        <div className="mt-2 grid grid-cols-2 gap-2">
          <NumberField
            label="Memory"
            unit="GB"
            value={n(hw?.memoryBytes, 1e9)}
            scale={1e9}
            onCommit={(v) => setHardwareField("memoryBytes", v)}
            testId="hw-memory"
          />
          <NumberField
            label="Memory bandwidth"
            unit="GB/s"
            value={n(hw?.memoryBandwidth, 1e9)}
            scale={1e9}
            onCommit={(v) => setHardwareField("memoryBandwidth", v)}
            testId="hw-bandwidth"
          />
          <NumberField
            label={`Peak ${mathPrecision} compute`}
            unit="TFLOP/s"
            value={n(peak, 1e12)}
            scale={1e12}
            onCommit={(v) => setPeakFlops(mathPrecision, v)}
            testId="hw-peak"
          />
          <NumberField
            label="Interconnect"
            unit="GB/s, one way"
            value={n(hw?.interconnectBandwidth, 1e9)}
            scale={1e9}
            onCommit={(v) => setHardwareField("interconnectBandwidth", v)}
            testId="hw-interconnect"
          />
          <NumberField
            label="Price"
            unit="$ per chip-hour"
            value={hw?.pricePerHour ?? null}
            onCommit={(v) => setHardwareField("pricePerHour", v)}
            testId="hw-price"
          />
        </div>
      </details>
    </Panel>
  );
}
