/**
 * Generic chart export: CSV of a chart's series, SVG and PNG of its drawing, JSON of a report.
 * Takes an SVG element (or several, laid side by side) and plain rows; knows nothing about any
 * particular chart, so every chart panel can use it (see ChartExport.tsx).
 *
 * Nothing here writes HTML: SVG is serialised with XMLSerializer from the live DOM, text goes
 * into Blobs, and downloads use a temporary <a download> with an object URL.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** One CSV field: numbers as full-precision decimals, text quoted when needed, formula-like text defused. */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text with a header line (RFC 4180, CRLF line ends). */
export function toCsv(columns: { key: string; label: string }[], rows: Record<string, CsvCell>[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** A safe file name from a title: letters, digits and dashes. */
export function fileSlug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "chart"
  );
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Size of an SVG as drawn (CSS pixels). */
function sizeOf(svg: SVGSVGElement): { w: number; h: number } {
  const r = svg.getBoundingClientRect();
  const w = r.width || Number(svg.getAttribute("width")) || 600;
  const h = r.height || Number(svg.getAttribute("height")) || 300;
  return { w: Math.ceil(w), h: Math.ceil(h) };
}

/**
 * One standalone SVG document from one or more drawn SVGs, side by side, on a white background,
 * with a title line. Fonts are set explicitly since the page's CSS does not travel with the file.
 */
export function composeSvg(svgs: SVGSVGElement[], title: string): { text: string; width: number; height: number } {
  const doc = document.implementation.createDocument(SVG_NS, "svg", null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  const sizes = svgs.map(sizeOf);
  const top = 24;
  const width = Math.max(1, sizes.reduce((a, s) => a + s.w, 0));
  const height = Math.max(1, Math.max(0, ...sizes.map((s) => s.h)) + top);
  // the namespace declaration comes from the document (createDocument(SVG_NS)): setting it again doubles it in some serializers
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif");
  root.setAttribute("font-size", "11");
  const bg = doc.createElementNS(SVG_NS, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#ffffff");
  root.appendChild(bg);
  const t = doc.createElementNS(SVG_NS, "text");
  t.setAttribute("x", "8");
  t.setAttribute("y", "16");
  t.setAttribute("font-size", "13");
  t.setAttribute("font-weight", "600");
  t.textContent = title; // text node: never parsed as markup
  root.appendChild(t);
  let x = 0;
  svgs.forEach((svg, i) => {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const { w, h } = sizes[i]!;
    copy.setAttribute("x", String(x));
    copy.setAttribute("y", String(top));
    copy.setAttribute("width", String(w));
    copy.setAttribute("height", String(h));
    copy.removeAttribute("style");
    root.appendChild(doc.importNode(copy, true));
    x += w;
  });
  return { text: new XMLSerializer().serializeToString(doc), width, height };
}

/** Renders SVG text to a PNG blob at `scale` × its size (via an <img> from a blob URL and a canvas). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the chart could not be drawn as an image"));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas in this browser");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}
