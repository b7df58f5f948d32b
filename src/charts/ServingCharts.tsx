/**
 * The serving charts: TTFT and TPOT percentiles against request rate (with the SLO line, the knee
 * where the replicas saturate and the asked rate), and the timeline of running batch, queue and
 * KV occupancy. Draws the worker's numbers; computes none.
 */
import { memo, useMemo } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis, Area } from "recharts";
import type { CurvePoint, ServingRun, TimelinePoint } from "../core/serving/view";
import { PALETTE } from "./palette";
import { formatInt, formatSeconds, sig } from "../core/format";

const TICK = { fontSize: 11 } as const;
const PCT_COLORS = { p50: "#94a3b8", p90: "#64748b", p99: "#0f172a" } as const;

/** Decade ticks covering [lo, hi] (log axis). */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

const secTick = (v: number) => formatSeconds(v).replace(" ", "\u202f");
const rateTick = (v: number) => sig(v, 2);

function LatencyChart({ curve, which, slo, capacity, rate, title, color }: { curve: CurvePoint[]; which: "ttft" | "tpot"; slo: number | null; capacity: number; rate: number | null; title: string; color: string }) {
  const data = useMemo(() => curve.filter((p) => p[which]).map((p) => ({ rate: p.rate, ...p[which]! })), [curve, which]);
  const ys = data.flatMap((d) => [d.p50, d.p99]).filter((v) => v > 0);
  if (slo !== null && slo > 0) ys.push(slo);
  if (data.length < 2 || ys.length === 0) return <p className="text-xs text-slate-500">Not enough points to draw {title}.</p>;
  const lo = Math.min(...ys) / 1.5;
  const hi = Math.max(...ys) * 1.5;
  const ticks = decades(lo, hi);
  const xMax = Math.max(...data.map((d) => d.rate)) * 1.02;
  const at = (r: number) => data.reduce((b, d) => (Math.abs(d.rate - r) < Math.abs(b.rate - r) ? d : b), data[0]!);
  const atKnee = at(capacity);
  const summary = `${title} against request rate: at ${sig(data[0]!.rate)} req/s p99 ${formatSeconds(data[0]!.p99)}; near the knee (${sig(capacity)} req/s) p99 ${formatSeconds(atKnee.p99)}; at ${sig(data[data.length - 1]!.rate)} req/s p99 ${formatSeconds(data[data.length - 1]!.p99)}.`;
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-700">
        {title} (s, log scale) against request rate (req/s)
      </figcaption>
      <div role="img" aria-label={summary}>
        <ComposedChart responsive style={{ width: "100%", height: 220 }} data={data} margin={{ top: 8, right: 8, bottom: 18, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="rate" type="number" domain={[0, xMax]} tickFormatter={rateTick} tick={TICK} label={{ value: "request rate (req/s)", position: "insideBottom", offset: -10, fontSize: 11 }} />
          <YAxis type="number" scale="log" domain={[lo, hi]} ticks={ticks} tickFormatter={secTick} allowDataOverflow tick={TICK} width={52} />
          <Tooltip formatter={(v) => formatSeconds(Number(v))} labelFormatter={(r) => `${sig(Number(r))} req/s`} />
          <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 11 }} />
          {(["p50", "p90", "p99"] as const).map((k) => (
            <Line key={k} dataKey={k} name={k} stroke={k === "p99" ? color : PCT_COLORS[k]} strokeWidth={k === "p99" ? 2 : 1.5} dot={{ r: 2 }} isAnimationActive={false} />
          ))}
          {slo !== null ? <ReferenceLine y={slo} stroke={PALETTE.overCapacity} strokeDasharray="5 3" label={{ value: `SLO ${formatSeconds(slo)}`, position: "insideTopLeft", fontSize: 10, fill: PALETTE.overCapacity }} /> : null}
          {capacity > 0 ? <ReferenceLine x={capacity} stroke="#0f172a" label={{ value: "knee", position: "insideTopRight", fontSize: 10 }} /> : null}
          {rate !== null ? <ReferenceLine x={rate} stroke={PALETTE.cost} strokeDasharray="3 3" label={{ value: "you", position: "insideBottomRight", fontSize: 10, fill: PALETTE.cost }} /> : null}
        </ComposedChart>
      </div>
    </figure>
  );
}

function TimelineChart({ timeline, window }: { timeline: TimelinePoint[]; window: { start: number; end: number } }) {
  const data = useMemo(() => timeline.map((p) => ({ t: p.t, running: p.running, waiting: p.waiting, kv: p.kvOccupancy * 100 })), [timeline]);
  if (data.length === 0) return null;
  const peakRun = Math.max(...data.map((d) => d.running));
  const peakWait = Math.max(...data.map((d) => d.waiting));
  const peakKv = Math.max(...data.map((d) => d.kv));
  const summary = `Over ${formatSeconds(data[data.length - 1]!.t)} of simulated time: running batch peaks at ${sig(peakRun)} sequences, the queue at ${sig(peakWait)} requests, KV occupancy at ${sig(peakKv)} %.`;
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-700">Timeline: running batch and queue (sequences, left) and KV cache in use (% of capacity, right) against simulated time (s)</figcaption>
      <div role="img" aria-label={summary}>
        <ComposedChart responsive style={{ width: "100%", height: 220 }} data={data} margin={{ top: 8, right: 4, bottom: 18, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="t" type="number" domain={[0, "dataMax"]} tickFormatter={(v: number) => sig(v, 2)} tick={TICK} label={{ value: "simulated time (s)", position: "insideBottom", offset: -10, fontSize: 11 }} />
          <YAxis yAxisId="n" type="number" tick={TICK} width={40} tickFormatter={(v: number) => sig(v, 2)} />
          <YAxis yAxisId="kv" orientation="right" type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={TICK} width={34} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v, name) => (name === "KV in use" ? `${sig(Number(v))} %` : sig(Number(v)))} labelFormatter={(t) => `t = ${sig(Number(t))} s`} />
          <Legend verticalAlign="top" height={20} iconSize={10} wrapperStyle={{ fontSize: 11 }} />
          <ReferenceLine yAxisId="n" x={window.start} stroke="#94a3b8" strokeDasharray="2 2" />
          <Area yAxisId="n" dataKey="waiting" name="queue" stroke={PALETTE.matmulCompute} fill={PALETTE.matmulCompute} fillOpacity={0.15} isAnimationActive={false} />
          <Line yAxisId="n" dataKey="running" name="running batch" stroke={PALETTE.decode} dot={false} strokeWidth={1.5} isAnimationActive={false} />
          <Line yAxisId="kv" dataKey="kv" name="KV in use" stroke={PALETTE.kvCache} dot={false} strokeWidth={1.5} isAnimationActive={false} />
        </ComposedChart>
      </div>
    </figure>
  );
}

export const ServingCharts = memo(function ServingCharts({ run }: { run: ServingRun }) {
  const slo = run.spec.slo;
  const r = run.report;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <LatencyChart curve={run.curve} which="ttft" title="Time to first token" slo={slo && Number.isFinite(slo.ttftS) ? slo.ttftS : null} capacity={r.capacityRequestsPerS} rate={run.spec.requestRate ?? null} color={PALETTE.prefill} />
        <LatencyChart curve={run.curve} which="tpot" title="Time per output token" slo={slo && Number.isFinite(slo.tpotS) ? slo.tpotS : null} capacity={r.capacityRequestsPerS} rate={run.spec.requestRate ?? null} color={PALETTE.decode} />
      </div>
      <p className="text-xs text-slate-500">
        Each point is its own simulation ({formatInt(Math.min(run.spec.requests, 600))} requests, same seed). The knee is the rate the replicas complete when never idle ({sig(r.capacityRequestsPerS)} req/s): past it the queue, and TTFT with it, grows without bound.
      </p>
      <TimelineChart timeline={run.timeline} window={r.windowS} />
    </div>
  );
});
