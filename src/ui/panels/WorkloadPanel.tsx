import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { LogSlider } from "../controls/LogSlider";
import { Panel } from "./Panel";
import { formatInt } from "../format";

export function WorkloadPanel() {
  const input = useCalculator((s) => s.input.workload);
  const scenario = useCalculator(selectScenario);
  const setWorkload = useCalculator((s) => s.setWorkload);
  const value = (k: "batch" | "promptTokens" | "outputTokens") => input?.[k] ?? scenario?.workload[k] ?? null;

  return (
    <Panel title="Workload" id="panel-workload">
      <LogSlider
        label="Prompt tokens"
        unit="tokens per sequence"
        min={1}
        max={1048576}
        integer
        value={value("promptTokens")}
        onChange={(n) => setWorkload("promptTokens", n)}
        valueText={(v) => `${formatInt(v)} prompt tokens`}
        testId="prompt"
      />
      <LogSlider
        label="Output tokens"
        unit="tokens per sequence"
        min={1}
        max={131072}
        integer
        value={value("outputTokens")}
        onChange={(n) => setWorkload("outputTokens", n)}
        valueText={(v) => `${formatInt(v)} output tokens`}
        testId="output"
      />
      <LogSlider
        label="Batch size"
        unit="sequences"
        min={1}
        max={4096}
        integer
        value={value("batch")}
        onChange={(n) => setWorkload("batch", n)}
        valueText={(v) => `batch of ${formatInt(v)}`}
        testId="batch"
      />
    </Panel>
  );
}
