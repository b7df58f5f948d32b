import { useCalculator } from "../../state/store";
import { selectReport, selectScenario } from "../../state/selectors";
import { Select } from "../controls/Select";
import { Segmented } from "../controls/Segmented";
import { NumberField } from "../controls/NumberField";
import { formatSeconds, formatUsd, sig } from "../format";
import { MODEL_PRESETS } from "../../core/model/presets";
import type { AttentionSharding, ExpertParallelism, Layout, Precision } from "../../core";

const PRECISIONS: Precision[] = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4"];
const LAYOUTS: { value: Layout; label: string }[] = [
  { value: "auto", label: "auto (fastest)" },
  { value: "1d-weight-stationary", label: "1D weight-stationary" },
  { value: "2d-weight-stationary", label: "2D weight-stationary" },
  { value: "weight-gathered", label: "weight-gathered" },
];

/**
 * The levers beyond the first sliders (Pope et al.'s partitioning, quantization details,
 * speculative decoding), folded away so a newcomer sees a handful of controls first.
 */
export function AdvancedPanel() {
  const input = useCalculator((s) => s.input);
  const scenario = useCalculator(selectScenario);
  const report = useCalculator(selectReport);
  const patch = useCalculator((s) => s.patchInput);
  const setFlash = useCalculator((s) => s.setFlashAttention);
  if (!scenario) return null;
  const spec = input.speculative;
  const draftId = spec?.draftPreset ?? "";
  const moe = scenario.model.moe !== undefined;
  const hw = scenario.hardware;

  return (
    <section aria-labelledby="panel-advanced" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <details>
        <summary className="cursor-pointer">
          <h2 id="panel-advanced" className="inline text-base font-semibold text-slate-800">
            Advanced: partitioning, quantization, speculative decoding
          </h2>
        </summary>
        <div className="mt-3 space-y-3">
          <div className="grid grid-cols-2 gap-2">
            <Select
              label="Activation (math) precision"
              value={scenario.precision.activations}
              options={PRECISIONS.map((p) => ({ value: p, label: p }))}
              onChange={(v) => patch("precision", { activations: v as Precision })}
              testId="activation-precision"
            />
            <NumberField
              label="Bits per weight"
              unit="incl. scales"
              value={input.precision?.weightBits ?? null}
              min={1}
              max={32}
              onCommit={(v) => patch("precision", { weightBits: v })}
              testId="weight-bits"
            />
          </div>
          <p className="text-xs text-slate-500">
            Math runs at the wider of weights and activations: int8 weights with bf16 activations compute in bf16. Empty bits per
            weight: the format's default (int4 4.125 with group-128 scales, fp4 as MXFP4 4.25; q4_0 is 4.5).
          </p>
          <Segmented<"none" | "2:4">
            legend="Weight sparsity"
            value={scenario.sparsity.weights}
            options={[
              { value: "none", label: "dense" },
              { value: "2:4", label: "2:4 structured", hint: "half the weights, plus 1 bit of index each; double math rate only on sparse tensor cores" },
            ]}
            onChange={(v) => patch("sparsity", { weights: v })}
          />
          <Segmented<"on" | "off">
            legend="Prefill attention kernel"
            value={scenario.flashAttention ? "on" : "off"}
            options={[
              { value: "on", label: "FlashAttention", hint: "fused: the score matrix stays on chip" },
              { value: "off", label: "standard", hint: "the score matrix is written to and read from memory: more prefill time and activation memory" },
            ]}
            onChange={(v) => setFlash(v === "on")}
          />
          <div className="grid grid-cols-2 gap-2">
            <Select
              label="Feed-forward layout"
              value={scenario.parallelism.layout}
              options={LAYOUTS}
              onChange={(v) => patch("parallelism", { layout: v as Layout })}
              testId="layout"
            />
            <Select
              label="Attention sharding"
              value={scenario.parallelism.attentionSharding}
              options={[
                { value: "auto", label: "auto" },
                { value: "heads", label: "over heads" },
                { value: "batch", label: "over batch" },
              ]}
              onChange={(v) => patch("parallelism", { attentionSharding: v as AttentionSharding })}
              testId="attention-sharding"
            />
            {moe && (
              <Select
                label="Experts"
                value={scenario.parallelism.experts ?? "auto"}
                options={[
                  { value: "auto", label: "auto" },
                  { value: "tensor", label: "split over chips" },
                  { value: "expert", label: "whole experts per chip" },
                ]}
                onChange={(v) => patch("parallelism", { experts: v as ExpertParallelism })}
                testId="experts"
              />
            )}
            <NumberField
              label="Prefill batch"
              unit="sequences"
              integer
              value={scenario.workload.prefillBatch}
              min={1}
              onCommit={(v) => patch("workload", { prefillBatch: v })}
              testId="prefill-batch"
            />
          </div>
          {report && hw.chips > 1 && (
            <dl className="space-y-1 text-xs text-slate-600" data-testid="layout-reason">
              <div>
                <dt className="inline font-medium">Prefill: </dt>
                <dd className="inline">
                  {report.prefill.layoutReason}; attention over {report.prefill.attentionSharding}
                </dd>
              </div>
              <div>
                <dt className="inline font-medium">Decode: </dt>
                <dd className="inline">
                  {report.decode.layoutReason}; attention over {report.decode.attentionSharding}
                </dd>
              </div>
            </dl>
          )}
          <fieldset className="space-y-2 rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-medium text-slate-700">Speculative decoding (what-if)</legend>
            <Select
              label="Draft model"
              value={draftId}
              options={[{ value: "", label: "none" }, ...MODEL_PRESETS.map((p) => ({ value: p.id, label: p.shape.name }))]}
              onChange={(v) => patch("speculative", v ? { draftPreset: v, draftTokens: spec?.draftTokens ?? 4, acceptanceRate: spec?.acceptanceRate ?? 0.7 } : undefined)}
              testId="draft-model"
            />
            {spec && (
              <div className="grid grid-cols-2 gap-2">
                <NumberField label="Draft tokens per step" unit="k" integer value={spec.draftTokens ?? 4} min={1} max={32} onCommit={(v) => patch("speculative", { draftTokens: v })} />
                <NumberField label="Acceptance rate" unit="0–1" value={spec.acceptanceRate ?? 0.7} min={0} max={1} step={0.05} onCommit={(v) => patch("speculative", { acceptanceRate: v })} />
              </div>
            )}
            {report?.speculative && (
              <p className="text-sm" data-testid="speculative-result">
                {sig(report.speculative.expectedTokensPerStep)} tokens per target step → {formatSeconds(report.speculative.timePerTokenS)} per output
                token ({sig(report.speculative.speedup)}× {report.speculative.speedup >= 1 ? "faster" : "slower"})
                {report.speculative.costPerMillionOutputTokens !== null ? `, ${formatUsd(report.speculative.costPerMillionOutputTokens)} per 1M output tokens` : ""}.
              </p>
            )}
          </fieldset>
          {report && (
            <p className="text-sm text-slate-700" data-testid="energy">
              Energy:{" "}
              {report.total.joulesPerOutputToken !== null
                ? `${sig(report.total.joulesPerOutputToken)} J per output token (${hw.chips} × ${hw.powerWatts} W board power while decoding)`
                : "no board-power figure for this chip"}
            </p>
          )}
        </div>
      </details>
    </section>
  );
}
