/**
 * The quadratic attention effect: attention's FLOPs (or bytes) against everything else as the
 * context grows, for a prefill of the whole prompt and for one decode step. Log-log, so the
 * prompt's square shows as a steeper line that crosses the rest at the crossover context.
 */
import { createContext, memo, useContext, useMemo } from "react";
import { DefaultZIndexes } from "recharts";
import { formatContextTick, formatInt, siTick } from "../core/format";
import type { AttentionModel, AttentionRow } from "./attentionModel";
import { PALETTE } from "./palette";
import { Frame, useAxis } from "./frame";
import { HoverReadout, Marks, Polyline, VLine } from "./marks";

export type AttentionMetric = "flops" | "bytes";

interface SeriesDef {
  key: Exclude<keyof AttentionRow, "context">;
  name: string;
  color: string;
  dashed?: boolean;
}

interface PanelData {
  rows: AttentionRow[];
  series: SeriesDef[];
  unit: string;
  crossover: number | null;
  marker: number;
  markerLabel: string;
}

const Data = createContext<PanelData>({ rows: [], series: [], unit: "", crossover: null, marker: 0, markerLabel: "" });

function Lines() {
  const { rows, series, crossover, marker, markerLabel } = useContext(Data);
  return (
    <Marks zIndex={DefaultZIndexes.line}>
      {(ctx) => (
        <>
          {series.map((s) => (
            <Polyline key={s.key} ctx={ctx} pts={rows.map((r) => [r.context, r[s.key]] as const)} stroke={s.color} dash={s.dashed ? "5 3" : undefined} />
          ))}
          {crossover !== null ? <VLine ctx={ctx} x={crossover} stroke={PALETTE.attentionCompute} width={2} label={`crossover ${formatContextTick(crossover)}`} testId="crossover-line" /> : null}
          <VLine ctx={ctx} x={marker} stroke="#0f172a" dash="4 3" label={markerLabel} labelAt="bottom" />
        </>
      )}
    </Marks>
  );
}

function Readout() {
  const { rows, series, unit } = useContext(Data);
  const xs = useMemo(() => rows.map((r) => r.context), [rows]);
  const read = (i: number) => ({
    title: `${formatInt(rows[i]!.context)} tokens of context`,
    lines: series.map((s) => ({ text: `${s.name}: ${siTick(rows[i]![s.key] ?? NaN)} ${unit}`, color: s.color })),
  });
  return <HoverReadout xs={xs} read={read} />;
}

const LAYERS = (
  <>
    <Lines />
    <Readout />
  </>
);
const MARGIN = { top: 20, right: 14, bottom: 4, left: 0 } as const;

function Panel(props: { title: string; model: AttentionModel; domain: [number, number]; ticks: number[]; testId: string } & PanelData) {
  const { model, rows, series, unit, crossover, marker, markerLabel } = props;
  const x = useAxis(model.xDomain, model.xTicks, formatContextTick, true);
  const y = useAxis(props.domain, props.ticks, siTick, true);
  const data = useMemo(() => ({ rows, series, unit, crossover, marker, markerLabel }), [rows, series, unit, crossover, marker, markerLabel]);
  return (
    <div className="min-w-0" data-testid={props.testId}>
      <h3 className="text-sm font-semibold text-slate-800">
        {props.title} <span className="font-normal text-slate-500">({unit}, log scale)</span>
      </h3>
      <Data.Provider value={data}>
        <Frame x={x} y={y} height={200} margin={MARGIN} layers={LAYERS} />
      </Data.Provider>
    </div>
  );
}

function seriesFor(flops: boolean, flash: boolean): { prefillSeries: SeriesDef[]; decodeSeries: SeriesDef[] } {
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
  return { prefillSeries, decodeSeries };
}

function AttentionChart({ model, metric, flash }: { model: AttentionModel; metric: AttentionMetric; flash: boolean }) {
  const flops = metric === "flops";
  const { prefillSeries, decodeSeries } = useMemo(() => seriesFor(flops, flash), [flops, flash]);
  // one entry per name: both panels' "everything else (weight matmuls)" is one thing
  const legend = [...prefillSeries, ...decodeSeries].filter((s, i, a) => a.findIndex((t) => t.name === s.name) === i);
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="attention-chart" className="grid gap-4 md:grid-cols-2">
        <Panel
          title="Prefill of the whole prompt"
          rows={model.rows}
          model={model}
          unit={flops ? "FLOP" : "bytes"}
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
          rows={model.rows}
          model={model}
          unit={flops ? "FLOP" : "bytes"}
          series={decodeSeries}
          domain={flops ? model.flopsDomain : model.bytesDomain}
          ticks={flops ? model.flopsTicks : model.bytesTicks}
          crossover={flops ? model.decodeCrossover : null}
          marker={model.prompt}
          markerLabel="your context"
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
