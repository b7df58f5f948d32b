import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { Select } from "../controls/Select";
import { Segmented } from "../controls/Segmented";
import { Panel } from "./Panel";
import { COPY } from "../copy/en";
import type { Mode, Precision } from "../../core";

const CHOICES: Precision[] = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"];
const BITS: Record<Precision, number> = { fp32: 32, bf16: 16, fp16: 16, fp8: 8, int8: 8, int4: 4, fp4: 4 };
const options = CHOICES.map((p) => ({ value: p, label: `${p} (${BITS[p]} bits)` }));

export function PrecisionPanel() {
  // narrow reads: a slider move or an answer re-renders this panel only when precision or mode changed
  const inputPrecision = useCalculator((s) => s.input.precision);
  const inputMode = useCalculator((s) => s.input.mode);
  const precision = useCalculator((s) => selectScenario(s)?.precision);
  const scenarioMode = useCalculator((s) => selectScenario(s)?.mode);
  const setPrecision = useCalculator((s) => s.setPrecision);
  const setMode = useCalculator((s) => s.setMode);
  const weights = inputPrecision?.weights ?? precision?.weights ?? "bf16";
  const kv = inputPrecision?.kvCache ?? precision?.kvCache ?? "bf16";
  const activations = inputPrecision?.activations ?? precision?.activations ?? "bf16";
  // 8- and 4-bit weights either run their matmuls in that format (W8A8: activations quantised
  // too, the chip's fp8/int8 rate) or are widened to bf16 first (weight-only): the user picks.
  const lowBit = BITS[weights] < 16;
  const mathOptions = [
    { value: "bf16", label: "bf16 (weights widened: weight-only quantisation)" },
    ...(lowBit ? [{ value: weights, label: `${weights} (activations too: W${BITS[weights]}A${BITS[weights]})` }] : []),
    ...(activations !== "bf16" && activations !== weights ? [{ value: activations, label: `${activations} (${BITS[activations]} bits)` }] : []),
  ];
  const mode: Mode = inputMode ?? scenarioMode ?? "realistic";
  const withCurrent = (p: Precision) =>
    CHOICES.includes(p) ? options : [...options, { value: p, label: `${p} (${BITS[p]} bits)` }];

  return (
    <Panel title="Precision and efficiency" id="panel-precision">
      <div className="grid grid-cols-2 gap-2">
        <Select
          label="Weight precision"
          value={weights}
          options={withCurrent(weights)}
          onChange={(v) => setPrecision("weights", v as Precision)}
          testId="weight-precision"
        />
        <Select
          label="KV cache precision"
          value={kv}
          options={withCurrent(kv)}
          onChange={(v) => setPrecision("kvCache", v as Precision)}
          testId="kv-precision"
        />
      </div>
      {(lowBit || activations !== "bf16") && (
        <Select
          label="Matmul precision"
          value={activations}
          options={mathOptions}
          onChange={(v) => setPrecision("activations", v as Precision)}
          testId="math-precision"
        />
      )}
      <Segmented<Mode>
        legend="Efficiency"
        value={mode}
        options={[
          { value: "ideal", label: "Ideal", hint: COPY.modeIdeal },
          { value: "realistic", label: "Realistic", hint: COPY.modeRealistic },
        ]}
        onChange={setMode}
      />
      <p className="text-xs text-slate-500">{mode === "ideal" ? COPY.modeIdeal : COPY.modeRealistic}</p>
    </Panel>
  );
}
