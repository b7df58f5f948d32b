import { useCalculator } from "../../state/store";
import { MODEL_OPTIONS, selectReport, selectScenario } from "../../state/selectors";
import { SHAPE_FIELDS, type ShapeField } from "../../state/store";
import { PLAUSIBLE } from "../../core/limits";
import { LogSlider } from "../controls/LogSlider";
import { NumberField } from "../controls/NumberField";
import { Select } from "../controls/Select";
import { Panel } from "./Panel";
import { COPY } from "../copy/en";
import { formatCount, formatInt } from "../format";

const SHAPE_LABELS: Record<ShapeField, string> = {
  layers: "Layers",
  dModel: "d_model",
  heads: "Attention heads",
  kvHeads: "KV heads",
  headDim: "Head dim",
  dFF: "FFN width d_ff",
  vocab: "Vocabulary",
};

const DERIVED = "__derived";
const CUSTOM = "__custom";

export function ModelPanel() {
  const input = useCalculator((s) => s.input.model);
  // narrow reads: an answer that changes only the batch's numbers does not re-render this panel
  const model = useCalculator((s) => selectScenario(s)?.model);
  const totalParams = useCalculator((s) => selectReport(s)?.params.total ?? null);
  const activeParams = useCalculator((s) => selectReport(s)?.params.active ?? null);
  const setModelPreset = useCalculator((s) => s.setModelPreset);
  const setModelParams = useCalculator((s) => s.setModelParams);
  const setShapeField = useCalculator((s) => s.setShapeField);

  const derived = input?.params !== undefined || model?.derivedFromParams !== undefined;
  const presetId = input?.preset ?? (derived ? undefined : model?.preset);
  const selected = derived ? DERIVED : presetId && MODEL_OPTIONS.some((o) => o.id === presetId) ? presetId : CUSTOM;
  const options = [
    ...MODEL_OPTIONS.map((o) => ({ value: o.id, label: o.uncertain ? `${o.label} (uncertain: ${o.uncertain})` : o.label })),
    ...(selected === DERIVED ? [{ value: DERIVED, label: "Custom (derived from parameter count)" }] : []),
    ...(selected === CUSTOM ? [{ value: CUSTOM, label: "Custom shape" }] : []),
  ];
  const params = input?.params ?? totalParams;

  return (
    <Panel title="Model" id="panel-model">
      <Select
        label="Model preset"
        value={selected}
        options={options}
        onChange={(v) => {
          if (v !== DERIVED && v !== CUSTOM) setModelPreset(v);
        }}
        testId="model-preset"
      />
      <LogSlider
        label="Parameters"
        unit="billions"
        numberScale={1e9}
        min={1e8}
        max={2e12}
        value={params}
        onChange={setModelParams}
        valueText={(v) => `${formatCount(v)} parameters`}
        testId="params"
        range={PLAUSIBLE["model.params"]}
        hint={
          derived ? (
            <span data-testid="derived-rule">{COPY.derivedRule}</span>
          ) : (
            "Moving this slider switches to a custom shape derived from the count."
          )
        }
      />
      {totalParams !== null && activeParams !== null && activeParams !== totalParams ? (
        <p className="text-xs text-slate-600">
          Mixture of experts: {formatCount(activeParams)} of {formatCount(totalParams)} parameters
          active per token.
        </p>
      ) : null}
      <details className="group" open={derived || selected === CUSTOM}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Shape</summary>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-2">
          {SHAPE_FIELDS.map((f) => (
            <NumberField
              key={f}
              label={SHAPE_LABELS[f]}
              value={model ? model[f] : null}
              integer
              min={1}
              step={1}
              onCommit={(n) => setShapeField(f, n)}
              testId={`shape-${f}`}
            />
          ))}
        </div>
        {model ? (
          <p className="mt-2 text-xs text-slate-500">
            {model.ffn === "swiglu" ? "SwiGLU" : "GELU"} FFN, {model.attention.toUpperCase()} attention
            {model.moe ? `, ${formatInt(model.moe.experts)} experts (${formatInt(model.moe.activeExperts)} active)` : ""}
            {model.tiedEmbeddings ? ", tied embeddings" : ""}.
          </p>
        ) : null}
      </details>
    </Panel>
  );
}
