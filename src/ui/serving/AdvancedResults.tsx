/** Issue 17's figures: what the prefix-cache hit rate is worth, and the disaggregated pools with their KV transfer. Every number from the core. */
import type { ServingRun, Worth } from "../../core/serving/view";
import { formatBytes, formatInt, formatPercent, formatSeconds, formatUsd, sig } from "../format";

const cell = "whitespace-nowrap py-1 pl-2 text-right tabular-nums";
const head = "py-1 pr-2 text-left font-medium text-slate-700";

const WORTH_ROWS: { label: string; show: (w: Worth) => string }[] = [
  { label: "Time to first token, p50 (s)", show: (w) => formatSeconds(w.ttftP50S) },
  { label: "Time to first token, p99 (s)", show: (w) => formatSeconds(w.ttftP99S) },
  { label: "Capacity (req/s at saturation)", show: (w) => sig(w.capacityRequestsPerS) },
  { label: "Largest rate within SLO (req/s)", show: (w) => (w.maxRateAtSlo === null ? "no SLO" : sig(w.maxRateAtSlo)) },
  { label: "$ / 1M output tokens at that rate", show: (w) => (w.costPerMillionAtSloRate === null ? "—" : formatUsd(w.costPerMillionAtSloRate)) },
  { label: "$ / 1M output tokens at capacity", show: (w) => (w.costPerMillionAtCapacity === null ? "—" : formatUsd(w.costPerMillionAtCapacity)) },
];

export function AdvancedResults({ run }: { run: ServingRun }) {
  const r = run.report;
  const pc = r.prefixCache;
  const worth = run.prefixWorth;
  const d = r.disaggregated;
  const h = r.hostKv;
  const sp = r.speculative;
  return (
    <>
      {sp ? (
        <div className="max-w-full overflow-x-auto" data-testid="serving-spec-figures">
          <table className="w-full text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">
              Speculative decoding under load ({sp.draftTokens} draft tokens, acceptance {formatPercent(sp.acceptanceRate)}: {sig(sp.expectedTokensPerStep)} tokens per verify step), priced with this replica&apos;s step at a context of {formatInt(sp.contextTokens)} tokens. At this run&apos;s mean running batch (
              {formatInt(sp.atMeanBatch.batch)}) it gives {sig(sp.atMeanBatch.speedup)}×;{" "}
              {sp.crossoverBatch === null ? "it pays at every batch up to max sequences." : `from a batch of ${formatInt(sp.crossoverBatch)} it no longer pays.`} (The simulated latencies above are without it.)
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className={head}>
                  Running batch (sequences)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Plain (s per token)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Speculative (s per token)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Speed-up (×)
                </th>
              </tr>
            </thead>
            <tbody>
              {sp.rows.map((row) => (
                <tr key={row.batch} className="border-b border-slate-100">
                  <th scope="row" className={head}>
                    {formatInt(row.batch)}
                  </th>
                  <td className={cell}>{formatSeconds(row.plainS)}</td>
                  <td className={cell}>{formatSeconds(row.speculativeS)}</td>
                  <td className={`${cell} ${row.speedup < 1 ? "text-red-700" : ""}`}>{sig(row.speedup)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {h ? (
        <div className="max-w-full overflow-x-auto" data-testid="serving-host-figures">
          <table className="w-full text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">
              KV offload: {formatInt(r.offloads)} of {formatInt(r.preemptions)} preemptions moved their cache to host memory ({formatInt(r.reloadedTokens)} tokens reloaded) instead of recomputing it. The host holds{" "}
              {formatInt(h.capacityTokens)} KV tokens per replica; over {h.link} a token reloads in {formatSeconds(h.reloadSPerToken)}. Reloading beats recomputing from{" "}
              {h.crossoverTokens === null ? "no length up to a million tokens" : `${formatInt(h.crossoverTokens)} token${h.crossoverTokens === 1 ? "" : "s"}`}.
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className={head}>
                  Sequence (tokens)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Reload from host (s)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Recompute alone (s)
                </th>
              </tr>
            </thead>
            <tbody>
              {h.rows.map((row) => (
                <tr key={row.tokens} className="border-b border-slate-100">
                  <th scope="row" className={head}>
                    {formatInt(row.tokens)}
                  </th>
                  <td className={cell}>{formatSeconds(row.reloadS)}</td>
                  <td className={cell}>{formatSeconds(row.recomputeS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pc && worth ? (
        <div className="max-w-full overflow-x-auto" data-testid="serving-prefix-worth">
          <table className="w-full text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">
              What the prefix cache is worth: {formatPercent(pc.hitShare)} of requests hit, {formatPercent(pc.cachedTokenShare)} of prompt tokens not prefilled; the prefix holds {formatInt(pc.pinnedKvTokens)} KV tokens per replica. Same deployment and traffic, with and without it.
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className={head}>
                  Figure (unit)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Without cache
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  With cache
                </th>
              </tr>
            </thead>
            <tbody>
              {WORTH_ROWS.map((row) => (
                <tr key={row.label} className="border-b border-slate-100">
                  <th scope="row" className={head}>
                    {row.label}
                  </th>
                  <td className={cell}>{row.show(worth.without)}</td>
                  <td className={cell} data-testid="worth-with">
                    {row.show(worth.withCache)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {d ? (
        <div className="max-w-full overflow-x-auto" data-testid="serving-disagg-figures">
          <table className="w-full min-w-[28rem] text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">Disaggregated pools: prefill sends each request&apos;s KV cache to decode over the scale-out network</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className={head}>
                  Pool
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Replicas × chips
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Busy (%)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Capacity (req/s)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Peak KV (%)
                </th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">
                  Cost ($/h)
                </th>
              </tr>
            </thead>
            <tbody>
              {(["prefill", "decode"] as const).map((k) => {
                const p = d[k];
                return (
                  <tr key={k} className="border-b border-slate-100" data-testid={`disagg-pool-${k}`}>
                    <th scope="row" className={head}>
                      {k === "prefill" ? "Prefill" : "Decode"}: {p.hardwareName}, {p.precision}
                    </th>
                    <td className={cell}>
                      {formatInt(p.replicas)} × {formatInt(p.chipsPerReplica)}
                    </td>
                    <td className={cell}>{formatPercent(p.utilization)}</td>
                    <td className={cell}>{sig(p.capacityRequestsPerS)}</td>
                    <td className={cell}>{formatPercent(p.peakKvOccupancy)}</td>
                    <td className={cell}>{p.costPerHour === null ? "no price" : formatUsd(p.costPerHour)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-600" data-testid="disagg-transfer">
            KV transfer per request: {formatBytes(d.transfer.bytesMean)} ({formatBytes(d.transfer.bytesPerToken)} per prompt token) at {formatBytes(d.transfer.bytesPerS)}/s ({d.transfer.links} links × {formatBytes(d.transfer.linkBytesPerS)}/s ×{" "}
            {sig(d.transfer.networkEfficiency)} efficiency) = {formatSeconds(d.transfer.secondsMean)} on the wire;{" "}
            {d.transfer.layerwise ? "sent layer by layer behind the prefill" : "sent after the prefill"}, it adds {formatSeconds(d.transfer.exposedP50S)} (p50) · {formatSeconds(d.transfer.exposedP99S)} (p99) to TTFT.
          </p>
        </div>
      ) : null}
    </>
  );
}
