/**
 * The layout of a phase (Pope et al. §3): the one the scenario names, or with "auto" the fastest of
 * the three weight layouts, each with the expert placements a MoE allows; and why, in words.
 */
import { formatSeconds } from "../format";
import type { ConcreteLayout } from "../types";
import { expertPlacements, type StepContext, type StepResult } from "./step";

const LAYOUT_NAMES: Record<ConcreteLayout, string> = {
  "1d-weight-stationary": "1D weight-stationary",
  "2d-weight-stationary": "2D weight-stationary",
  "weight-gathered": "weight-gathered",
};

/** Runs a phase for the requested layout, or for every layout when "auto", keeping the fastest. */
export function chooseLayout(c: StepContext, run: (l: ConcreteLayout, expertParallel: boolean) => StepResult): StepResult & { reason: string } {
  if (c.n <= 1) return Object.assign(run("1d-weight-stationary", false), { reason: "one chip: nothing to partition" });
  const eps = expertPlacements(c);
  const pick = (l: ConcreteLayout) => {
    let best: StepResult | undefined;
    for (const e of eps) {
      const r = run(l, e);
      if (!best || r.timeS < best.timeS) best = r;
    }
    return best!;
  };
  const how = (r: StepResult) => `${LAYOUT_NAMES[r.layout]} (${r.detail}${r.experts ? `; experts ${r.experts === "expert" ? "placed whole on chips" : "split over chips"}` : ""})`;
  if (c.s.parallelism.layout !== "auto") {
    const r = pick(c.s.parallelism.layout);
    return Object.assign(r, { reason: c.brief ? "" : `${how(r)} as chosen` });
  }
  const a = pick("1d-weight-stationary");
  const b = pick("2d-weight-stationary");
  const g = pick("weight-gathered");
  const best = a.timeS <= b.timeS && a.timeS <= g.timeS ? a : b.timeS <= g.timeS ? b : g;
  if (c.brief) return Object.assign(best, { reason: "" });
  let others = "";
  for (const r of [a, b, g]) if (r !== best) others += `${others ? ", " : ""}${LAYOUT_NAMES[r.layout]} ${formatSeconds(r.timeS)}`;
  return Object.assign(best, { reason: `auto: ${how(best)} is fastest at ${formatSeconds(best.timeS)} vs ${others}` });
}
