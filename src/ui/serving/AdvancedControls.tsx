/** Issue 17's inputs: prefix caching (hit rate, shared prefix) and disaggregated prefill/decode pools. Every label carries its unit. */
import { useId } from "react";
import { useCalculator } from "../../state/store";
import { HARDWARE_PRESETS } from "../../core/hardware/presets";
import { PLAUSIBLE } from "../../core/limits";
import { POOL_PRECISIONS, type ServingInput } from "../../core/serving/input";
import { withDisaggregated, withHostKv, withPool, withPrefixCache } from "../../state/serving";
import { NumberField } from "../controls/NumberField";
import { Select } from "../controls/Select";

const SAME = "__same";

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; testId: string }) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-slate-700">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}

export function AdvancedControls({ serving, set }: { serving: ServingInput; set: (next: ServingInput) => void }) {
  const scenarioChips = useCalculator((s) => s.input.hardware?.chips ?? null);
  const pc = serving.prefixCache;
  const d = serving.disaggregated;
  const hk = serving.hostKv;
  const closed = serving.requestRate === undefined && serving.concurrency !== undefined;
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2 rounded border border-slate-200 p-2" data-testid="serving-prefix">
        <legend className="px-1 text-sm font-medium text-slate-700">Prefix caching</legend>
        <Check label="Requests share a cached prompt prefix" checked={pc !== undefined} onChange={(on) => set(withPrefixCache(serving, on ? { hitRate: 0.8, sharedPrefixTokens: 512 } : undefined))} testId="serving-prefix-on" />
        {pc ? (
          <div className="grid grid-cols-2 gap-2">
            <NumberField
              label="Hit rate"
              unit="% of requests"
              value={pc.hitRate === undefined ? null : pc.hitRate * 100}
              scale={0.01}
              min={0}
              max={100}
              range={PLAUSIBLE["serving.prefixCache.hitRate"]}
              onCommit={(v) => set(withPrefixCache(serving, { hitRate: v, sharedPrefixTokens: pc.sharedPrefixTokens ?? 512 }))}
              testId="serving-prefix-hit"
            />
            <NumberField
              label="Shared prefix"
              unit="tokens"
              integer
              value={pc.sharedPrefixTokens ?? null}
              min={1}
              range={PLAUSIBLE["serving.prefixCache.sharedPrefixTokens"]}
              onCommit={(v) => set(withPrefixCache(serving, { hitRate: pc.hitRate ?? 0.8, sharedPrefixTokens: v }))}
              testId="serving-prefix-tokens"
            />
          </div>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2 rounded border border-slate-200 p-2" data-testid="serving-host">
        <legend className="px-1 text-sm font-medium text-slate-700">KV offload to host memory</legend>
        <Check
          label="Preempted sequences' KV cache moves to host memory (reloaded, not recomputed)"
          checked={hk !== undefined}
          onChange={(on) => set(withHostKv(serving, on ? { capacityBytes: 256e9 } : undefined))}
          testId="serving-host-on"
        />
        {hk ? (
          <div className="grid grid-cols-2 gap-2">
            <NumberField
              label="Host memory"
              unit="GB per replica"
              value={hk.capacityBytes === undefined ? null : hk.capacityBytes / 1e9}
              scale={1e9}
              min={0}
              range={PLAUSIBLE["serving.hostKv.capacityBytes"]}
              onCommit={(v) => set(withHostKv(serving, { ...hk, capacityBytes: v }))}
              testId="serving-host-capacity"
            />
            <NumberField
              label="Host link (blank: the chip's)"
              unit="GB/s per chip"
              value={hk.bandwidth === undefined ? null : hk.bandwidth / 1e9}
              scale={1e9}
              min={0}
              range={PLAUSIBLE["serving.hostKv.bandwidth"]}
              onCommit={(v) => set(withHostKv(serving, { ...hk, bandwidth: v }))}
              testId="serving-host-bandwidth"
            />
          </div>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2 rounded border border-slate-200 p-2" data-testid="serving-disagg">
        <legend className="px-1 text-sm font-medium text-slate-700">Disaggregated prefill and decode</legend>
        <Check
          label="Separate prefill and decode pools"
          checked={d !== undefined}
          onChange={(on) => set(withDisaggregated(serving, on ? { prefill: { replicas: 1 }, decode: { replicas: 1 } } : undefined))}
          testId="serving-disagg-on"
        />
        {closed && d ? <p className="text-xs text-red-700">Disaggregated pools are simulated under a request rate (open loop): switch the load to “Request rate”.</p> : null}
        {d
          ? (["prefill", "decode"] as const).map((pool) => {
              const p = d[pool] ?? {};
              return (
                <div key={pool} className="grid grid-cols-2 gap-2 border-t border-slate-100 pt-2" role="group" aria-label={`${pool === "prefill" ? "Prefill" : "Decode"} pool`}>
                  <p className="col-span-2 text-xs font-semibold text-slate-700">{pool === "prefill" ? "Prefill pool" : "Decode pool"}</p>
                  <div className="col-span-2">
                  <Select
                    label="Hardware"
                    value={p.hardware ?? SAME}
                    options={[{ value: SAME, label: "The scenario's" }, ...HARDWARE_PRESETS.map((h) => ({ value: h.id, label: h.spec.name }))]}
                    onChange={(v) => set(withPool(serving, pool, { hardware: v === SAME ? undefined : v }))}
                    testId={`serving-${pool}-hardware`}
                  />
                  </div>
                  <div className="col-span-2">
                  <Select
                    label="Precision (weights, KV cache, activations)"
                    value={p.precision ?? SAME}
                    options={[{ value: SAME, label: "The scenario's" }, ...POOL_PRECISIONS.map((x) => ({ value: x, label: x }))]}
                    onChange={(v) => set(withPool(serving, pool, { precision: v === SAME ? undefined : (v as (typeof POOL_PRECISIONS)[number]) }))}
                    testId={`serving-${pool}-precision`}
                  />
                  </div>
                  <NumberField label="Chips" unit="per replica" integer min={1} value={p.chips ?? scenarioChips} range={PLAUSIBLE["serving.disaggregated.chips"]} onCommit={(v) => set(withPool(serving, pool, { chips: v }))} testId={`serving-${pool}-chips`} />
                  <NumberField label="Replicas" unit="in the pool" integer min={1} value={p.replicas ?? 1} range={PLAUSIBLE["serving.disaggregated.replicas"]} onCommit={(v) => set(withPool(serving, pool, { replicas: v }))} testId={`serving-${pool}-replicas`} />
                </div>
              );
            })
          : null}
        {d ? (
          <Check
            label="Send the KV cache layer by layer (overlapped with prefill)"
            checked={d.layerwiseTransfer ?? false}
            onChange={(on) => set({ ...serving, disaggregated: { ...d, layerwiseTransfer: on } })}
            testId="serving-disagg-layerwise"
          />
        ) : null}
      </fieldset>
    </div>
  );
}
