/**
 * Formatting at the edges (the page, the CLI and the "why?" text): numbers in, short strings out.
 * Every function returns "—" for a missing or non-finite value, so NaN, Infinity and undefined never
 * reach a reader. Bytes are DECIMAL (1 GB = 10^9 bytes) unless a function says binary.
 */

export const DASH = "—";

/** True for a finite number (not NaN, not ±Infinity, not null/undefined). */
export function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** en-US formatters by decimals: `toLocaleString` with options builds a new one per call (~20 µs each). */
const DECIMALS: Intl.NumberFormat[] = [];
const withDecimals = (d: number) => (DECIMALS[d] ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 }));
const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `digits` significant figures, trailing zeros trimmed; thousands separated; huge values in e-notation. */
export function sig(x: number, digits = 3): string {
  if (!isNum(x)) return DASH;
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-4) {
    const [m = "", e = ""] = x.toExponential(digits - 1).split("e");
    return `${m.includes(".") ? m.replace(/\.?0+$/, "") : m}e${e.replace("+", "")}`;
  }
  const p = Number(x.toPrecision(digits));
  // below 1,000 there is nothing to group: the rounded number's own shortest form is the answer (no Intl call, ~10× faster)
  if (Math.abs(p) < 1000) return String(p);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(p))));
  return withDecimals(Math.min(20, decimals)).format(p);
}

function scaled(x: number | null | undefined, units: readonly [number, string][], digits = 3): string {
  if (!isNum(x)) return DASH;
  const a = Math.abs(x);
  for (const [size, name] of units) {
    if (a >= size) return `${sig(x / size, digits)} ${name}`;
  }
  const last = units[units.length - 1]!;
  return `${sig(x / last[0], digits)} ${last[1]}`;
}

const BYTE_UNITS: readonly [number, string][] = [
  [1e15, "PB"],
  [1e12, "TB"],
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "kB"],
  [1, "B"],
];

/** Bytes in decimal units: 85899345920 → "85.9 GB". */
export function formatBytes(b: number | null | undefined, digits = 3): string {
  return scaled(b, BYTE_UNITS, digits);
}

/** Bytes as GB only (for a column of comparable figures): 85899345920 → "85.9 GB". */
export function formatGB(b: number | null | undefined, digits = 3): string {
  return isNum(b) ? `${sig(b / 1e9, digits)} GB` : DASH;
}

/** Bytes per second in decimal units: 3.35e12 → "3.35 TB/s". */
export function formatBandwidth(bps: number | null | undefined): string {
  const s = formatBytes(bps);
  return s === DASH ? DASH : `${s}/s`;
}

/** Seconds with a unit chosen for reading: 0.0123 → "12.3 ms". */
export function formatSeconds(s: number | null | undefined): string {
  if (!isNum(s)) return DASH;
  const a = Math.abs(s);
  if (a === 0) return "0 s";
  if (a < 1e-3) return `${sig(s * 1e6)} µs`;
  if (a < 1) return `${sig(s * 1e3)} ms`;
  if (a < 120) return `${sig(s)} s`;
  if (a < 7200) return `${sig(s / 60)} min`;
  if (a < 86400 * 2) return `${sig(s / 3600)} h`;
  if (a < 86400 * 365 * 2) return `${sig(s / 86400)} days`;
  return `${sig(s / (86400 * 365))} years`;
}

/** FLOP/s: 9.89e14 → "989 TFLOP/s". */
export function formatFlopRate(f: number | null | undefined): string {
  return scaled(f, [
    [1e18, "EFLOP/s"],
    [1e15, "PFLOP/s"],
    [1e12, "TFLOP/s"],
    [1e9, "GFLOP/s"],
    [1, "FLOP/s"],
  ]);
}

/** A count with a short suffix: 70553706496 → "70.6B". */
export function formatCount(n: number | null | undefined, digits = 3): string {
  if (!isNum(n)) return DASH;
  const a = Math.abs(n);
  if (a >= 1e12) return `${sig(n / 1e12, digits)}T`;
  if (a >= 1e9) return `${sig(n / 1e9, digits)}B`;
  if (a >= 1e6) return `${sig(n / 1e6, digits)}M`;
  if (a >= 1e4) return `${sig(n / 1e3, digits)}k`;
  return sig(n, Math.max(digits, 4));
}

/** An integer with thousands separators: 131072 → "131,072". */
export function formatInt(n: number | null | undefined): string {
  if (!isNum(n)) return DASH;
  if (Math.abs(n) >= 1e15) return sig(n, 3);
  return INTEGER.format(Math.round(n));
}

/** A fraction as a percentage: 0.423 → "42.3%". */
export function formatPercent(f: number | null | undefined): string {
  if (!isNum(f)) return DASH;
  const p = f * 100;
  if (p !== 0 && Math.abs(p) < 0.1) return "<0.1%";
  return `${sig(p, 3)}%`;
}

/** US dollars: 0.0312 → "$0.0312", 1234 → "$1,234"; below a hundredth of a cent "<$0.0001" (never e-notation). */
export function formatUsd(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  if (x > 0 && x < 1e-4) return "<$0.0001";
  if (Math.abs(x) >= 1000) return `$${sig(x, 4)}`;
  return `$${sig(x, 3)}`;
}

/** Tokens per second: 1234.5 → "1,235 tok/s". */
export function formatTokensPerS(x: number | null | undefined): string {
  if (!isNum(x)) return DASH;
  return `${Math.abs(x) >= 100 ? formatInt(x) : sig(x, 3)} tok/s`;
}

/** Tokens (context lengths): 131072 → "131k", 1024 → "1,024". */
export function formatTokens(n: number | null | undefined): string {
  if (!isNum(n)) return DASH;
  if (Math.abs(n) >= 1e4) return formatCount(n, 3);
  return formatInt(n);
}

/** FLOP (append "/s" for a rate): 9.89e14 → "989 TFLOP". */
export function formatFlops(v: number | null | undefined): string {
  if (isNum(v) && v === 0) return "0 FLOP";
  return scaled(v, [
    [1e18, "EFLOP"],
    [1e15, "PFLOP"],
    [1e12, "TFLOP"],
    [1e9, "GFLOP"],
    [1e6, "MFLOP"],
    [1e3, "kFLOP"],
    [1, "FLOP"],
  ]);
}

/** Bytes in binary units, where a figure is labelled so: 2^30 → "1 GiB". */
export function formatBytesBinary(b: number | null | undefined): string {
  if (isNum(b) && b === 0) return "0 B";
  return scaled(b, [
    [2 ** 50, "PiB"],
    [2 ** 40, "TiB"],
    [2 ** 30, "GiB"],
    [2 ** 20, "MiB"],
    [2 ** 10, "KiB"],
    [1, "B"],
  ]);
}

/** "1k", "10M", "1G" … for log-axis ticks (SI prefixes, powers of ten; 3 significant figures). Empty for non-positive values. */
export function siTick(v: number): string {
  if (!isNum(v) || v <= 0) return "";
  const units: [number, string][] = [
    [1e15, "P"],
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [f, u] of units) if (v >= f) return `${sig(v / f)}${u}`;
  return sig(v);
}

/** Context lengths on an axis: binary multiples as "128k" / "1M" (131072, 1048576), others to one decimal ("1.5k"). Empty when not finite. */
export function formatContextTick(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (n >= 1048576 && n % 1048576 === 0) return `${n / 1048576}M`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}k`;
  if (n >= 1e6) return `${Math.round(n / 1e5) / 10}M`;
  if (n >= 1e3) return `${Math.round(n / 100) / 10}k`;
  return String(Math.round(n));
}

/** A parameter count for a model's name: 7.24e9 → "7.24B", 1.2e8 → "120M" (T, B, else M; 3 significant figures). */
export function formatParamsShort(n: number): string {
  return n >= 1e12 ? `${+(n / 1e12).toPrecision(3)}T` : n >= 1e9 ? `${+(n / 1e9).toPrecision(3)}B` : `${+(n / 1e6).toPrecision(3)}M`;
}
