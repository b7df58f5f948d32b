/**
 * The quadratic attention effect: attention's FLOPs (or bytes) against everything else as the
 * context grows, for a prefill of the whole prompt and for one decode step. Log-log, so the
 * prompt's square shows as a steeper line that crosses the rest at the crossover context.
 */
import { memo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatContextTick } from "./viewModels";
import { int, siTick, sig3, type AttentionModel, type AttentionRow } from "./insightModels";
import { PALETTE } from "./palette";

export type AttentionMetric = "flops" | "bytes";

interface SeriesDef {
  key: keyof AttentionRow;
  name: string;
  color: string;
  dashed?: boolean;
}

function Panel(props: {
  title: string;
  unit: string;
  rows: AttentionRow[];
  model: AttentionModel;
  series: SeriesDef[];
  domain: [number, number];
  ticks: number[];
  crossover: number | null;
  marker: number;
  markerLabel: string;
  testId: string;
}) {
  const { model } = props;
  return (
    <div className="min-w-0" data-testid={props.testId}>
      <h3 className="text-sm font-semibold text-slate-800">
        {props.title} <span className="font-normal text-slate-500">({props.unit}, log scale)</span>
      </h3>
      <LineChart responsive style={{ width: "100%", height: 200 }} data={props.rows} margin={{ top: 20, right: 14, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="context" type="number" scale="log" domain={model.xDomain} ticks={model.xTicks} tickFormatter={formatContextTick} allowDataOverflow tick={{ fontSize: 11 }} />
        <YAxis type="number" scale="log" domain={props.domain} ticks={props.ticks} tickFormatter={siTick} allowDataOverflow width={44} tick={{ fontSize: 11 }} />
        {props.series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? "5 3" : undefined}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        {props.crossover !== null && props.crossover >= model.xDomain[0] && props.crossover <= model.xDomain[1] ? (
          <ReferenceLine
            x={props.crossover}
            stroke={PALETTE.attentionCompute}
            strokeWidth={2}
            ifOverflow="hidden"
            label={{ value: `crossover ${formatContextTick(props.crossover)}`, position: "top", fontSize: 11, fill: PALETTE.attentionCompute }}
          />
        ) : null}
        <ReferenceLine x={props.marker} stroke="#0f172a" strokeDasharray="4 3" ifOverflow="hidden" label={{ value: props.markerLabel, position: "insideBottomRight", fontSize: 11, fill: "#0f172a" }} />
        <Tooltip isAnimationActive={false} labelFormatter={(v) => `${int(Number(v))} tokens of context`} formatter={(v, name) => [`${sig3(Number(v))} ${props.unit}`, name]} />
      </LineChart>
    </div>
  );
}

function AttentionChart({ model, metric, flash }: { model: AttentionModel; metric: AttentionMetric; flash: boolean }) {
  const flops = metric === "flops";
  const prefillSeries: SeriesDef[] = flops
    ? [
        { key: "prefillAttn", name: "attention scores and values", color: PALETTE.attentionCompute },
        { key: "prefillOther", name: "everything else (weight matmuls)", color: PALETTE.matmulCompute },
      ]
    : [
        { key: "decodeWeights", name: "weights read", color: PALETTE.weights },
        ...(flash ? [] : [{ key: "scoreTraffic" as const, name: "score matrices, no FlashAttention", color: PALETTE.attentionCompute, dashed: true }]),
      ];
  const decodeSeries: SeriesDef[] = flops
    ? [
        { key: "decodeAttn", name: "attention over the KV cache", color: PALETTE.attentionCompute },
        { key: "decodeOther", name: "everything else (weight matmuls)", color: PALETTE.matmulCompute },
      ]
    : [
        { key: "decodeKv", name: "KV cache read", color: PALETTE.kvCache },
        { key: "decodeWeights", name: "weights read", color: PALETTE.weights },
      ];
  const legend = [...prefillSeries, ...decodeSeries].filter((s, i, a) => a.findIndex((t) => t.key === s.key) === i);
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="attention-chart" className="grid gap-4 md:grid-cols-2">
        <Panel
          title="Prefill of the whole prompt"
          unit={flops ? "FLOP" : "bytes"}
          rows={model.rows}
          model={model}
          series={prefillSeries}
          domain={flops ? model.flopsDomain : model.bytesDomain}
          ticks={flops ? model.flopsTicks : model.bytesTicks}
          crossover={flops ? model.prefillCrossover : null}
          marker={model.prompt}
          markerLabel="your prompt"
          testId="attention-prefill"
        />
        <Panel
          title="One decode step"
          unit={flops ? "FLOP" : "bytes"}
          rows={model.rows}
          model={model}
          series={decodeSeries}
          domain={flops ? model.flopsDomain : model.bytesDomain}
          ticks={flops ? model.flopsTicks : model.bytesTicks}
          crossover={flops ? model.decodeCrossover : null}
          marker={model.prompt}
          markerLabel="your prompt"
          testId="attention-decode"
        />
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {legend.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className="inline-block h-0.5 w-4" style={{ background: s.color }} aria-hidden />
            {s.name}
          </li>
        ))}
        <li className="text-slate-500">x: context length in tokens (whole batch).</li>
      </ul>
    </div>
  );
}

export default memo(AttentionChart);
