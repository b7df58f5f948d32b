/**
 * Formatting at the edges (UI and CLI). Decimal units throughout: GB = 1e9 bytes, and GiB only
 * where labelled so. Every formatter returns "—" for a value that is not a finite number.
 */
const DASH = "—";
const ok = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

function scaled(v: number, units: readonly [number, string][], digits = 3): string {
  const a = Math.abs(v);
  for (const [f, u] of units) if (a >= f) return `${+(v / f).toPrecision(digits)} ${u}`;
  const last = units[units.length - 1]!;
  return `${+(v / last[0]).toPrecision(digits)} ${last[1]}`;
}

/** Bytes in decimal units: 1.5e9 → "1.5 GB". */
export function formatBytes(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  if (v === 0) return "0 B";
  return scaled(v, [[1e15, "PB"], [1e12, "TB"], [1e9, "GB"], [1e6, "MB"], [1e3, "kB"], [1, "B"]]);
}

/** Bytes in binary units: 2^30 → "1 GiB". */
export function formatBytesBinary(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  if (v === 0) return "0 B";
  return scaled(v, [[2 ** 50, "PiB"], [2 ** 40, "TiB"], [2 ** 30, "GiB"], [2 ** 20, "MiB"], [2 ** 10, "KiB"], [1, "B"]]);
}

/** Seconds: 0.0123 → "12.3 ms". */
export function formatSeconds(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  if (v === 0) return "0 s";
  if (Math.abs(v) >= 3600) return `${+(v / 3600).toPrecision(3)} h`;
  if (Math.abs(v) >= 60) return `${+(v / 60).toPrecision(3)} min`;
  return scaled(v, [[1, "s"], [1e-3, "ms"], [1e-6, "µs"], [1e-9, "ns"]]);
}

/** FLOP or FLOP/s: 9.89e14 → "989 TFLOP" (append "/s" yourself). */
export function formatFlops(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  if (v === 0) return "0 FLOP";
  return scaled(v, [[1e18, "EFLOP"], [1e15, "PFLOP"], [1e12, "TFLOP"], [1e9, "GFLOP"], [1e6, "MFLOP"], [1e3, "kFLOP"], [1, "FLOP"]]);
}

/** Plain count with SI suffix: 7.0e9 → "7B" style for parameters and tokens. */
export function formatCount(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  const a = Math.abs(v);
  if (a < 1e3) return `${+v.toPrecision(3)}`;
  return scaled(v, [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]]).replace(" ", "");
}

/** Percentage of a fraction: 0.4567 → "45.7 %". */
export function formatPercent(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  return `${+(v * 100).toPrecision(3)} %`;
}

/** US dollars: 0.1234 → "$0.123". */
export function formatUsd(v: number | null | undefined): string {
  if (!ok(v)) return DASH;
  return `$${+v.toPrecision(3)}`;
}
