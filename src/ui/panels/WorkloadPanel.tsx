import { useCalculator } from "../../state/store";
import { selectReport, selectScenario } from "../../state/selectors";
import { PLAUSIBLE } from "../../core/limits";
import { LogSlider } from "../controls/LogSlider";
import { Panel } from "./Panel";
import { formatInt } from "../format";

export function WorkloadPanel() {
  const input = useCalculator((s) => s.input.workload);
  // the scenario's values only where the input leaves them out (primitives: an answer that
  // agrees with the slider does not re-render the panel)
  const batch = useCalculator((s) => selectScenario(s)?.workload.batch);
  const promptTokens = useCalculator((s) => selectScenario(s)?.workload.promptTokens);
  const outputTokens = useCalculator((s) => selectScenario(s)?.workload.outputTokens);
  const workload = { batch, promptTokens, outputTokens };
  const setWorkload = useCalculator((s) => s.setWorkload);
  // the warnings only (kept as the same array while equal), not the whole report
  const warnings = useCalculator((s) => selectReport(s)?.warnings);
  const value = (k: "batch" | "promptTokens" | "outputTokens") => input?.[k] ?? workload?.[k] ?? null;
  // The sliders span the model's context window when it is known (the boxes still take more: the
  // core computes it and says it is beyond the window).
  const window = useCalculator((s) => selectScenario(s)?.model.contextWindow);
  const tokensMax = window !== undefined && window >= 2 ? window : undefined;
  /** The report's warnings about one workload field, shown at that field. */
  const at = (field: string) => {
    const ws = warnings?.filter((w) => w.field === field) ?? [];
    return ws.length ? (
      <ul className="space-y-0.5 text-amber-800" data-testid={`${field}-warning`}>
        {ws.map((w, i) => (
          <li key={i}>⚠ {w.message}</li>
        ))}
      </ul>
    ) : undefined;
  };

  return (
    <Panel title="Workload" id="panel-workload">
      <LogSlider
        label="Prompt tokens"
        unit="tokens per sequence"
        min={1}
        max={tokensMax ?? 1048576}
        integer
        value={value("promptTokens")}
        hint={at("workload.promptTokens")}
        onChange={(n) => setWorkload("promptTokens", n)}
        valueText={(v) => `${formatInt(v)} prompt tokens`}
        testId="prompt"
        range={PLAUSIBLE["workload.promptTokens"]}
      />
      <LogSlider
        label="Output tokens"
        unit="tokens per sequence"
        min={1}
        max={tokensMax ?? 131072}
        integer
        value={value("outputTokens")}
        hint={at("workload.outputTokens")}
        onChange={(n) => setWorkload("outputTokens", n)}
        valueText={(v) => `${formatInt(v)} output tokens`}
        testId="output"
        range={PLAUSIBLE["workload.outputTokens"]}
      />
      <LogSlider
        label="Batch size"
        unit="sequences"
        min={1}
        max={4096}
        integer
        value={value("batch")}
        hint={at("workload.batch")}
        onChange={(n) => setWorkload("batch", n)}
        valueText={(v) => `batch of ${formatInt(v)}`}
        testId="batch"
        range={PLAUSIBLE["workload.batch"]}
      />
    </Panel>
  );
}
