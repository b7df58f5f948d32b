// @vitest-environment jsdom
/**
 * Chart export (exportChart.ts): CSV cells and files, file names, the composed SVG document and the
 * download link. svgToPng needs a browser's image decoding and canvas (jsdom has neither): left to
 * the page. jsdom lays nothing out, so a chart's size comes from its width/height attributes here.
 */
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { composeSvg, csvCell, downloadBlob, downloadText, fileSlug, toCsv } from "./exportChart";

const SVG_NS = "http://www.w3.org/2000/svg";

function drawn(width: number | null, height: number | null, label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  if (width !== null) svg.setAttribute("width", String(width));
  if (height !== null) svg.setAttribute("height", String(height));
  svg.setAttribute("style", "color: red");
  const text = document.createElementNS(SVG_NS, "text");
  text.textContent = label;
  svg.appendChild(text);
  return svg;
}

/** Parses a composed SVG: well-formed XML, one namespace declaration. */
function parse(text: string): Document {
  expect(text.split(`xmlns="${SVG_NS}"`)).toHaveLength(2);
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("csvCell", () => {
  it("writes numbers in full, and empty cells for missing or non-finite values", () => {
    expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvCell(1.5e-9)).toBe("1.5e-9");
    expect(csvCell(-4)).toBe("-4");
    expect([NaN, Infinity, null, undefined].map(csvCell)).toEqual(["", "", "", ""]);
    expect([true, false].map(csvCell)).toEqual(["true", "false"]);
  });

  it("quotes text with commas, quotes or line breaks, and defuses formula-like text", () => {
    expect(csvCell("H100 SXM")).toBe("H100 SXM");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
  });
});

describe("toCsv", () => {
  it("writes a header line and one line per row in column order, CRLF-terminated", () => {
    const csv = toCsv(
      [
        { key: "context", label: "Context (tokens)" },
        { key: "t", label: "Time, s" },
      ],
      [{ context: 64, t: 0.25 }, { context: 128 }, { t: 1, extra: "ignored" }],
    );
    expect(csv).toBe('Context (tokens),"Time, s"\r\n64,0.25\r\n128,\r\n,1\r\n');
  });
});

describe("fileSlug", () => {
  it("keeps lowercase letters, digits and single dashes, at most 60 characters, 'chart' when nothing is left", () => {
    expect(fileSlug("Roofline — Llama 3.1 70B on 8× H100!")).toBe("roofline-llama-3-1-70b-on-8-h100");
    expect(fileSlug("  --Time/step--  ")).toBe("time-step");
    expect(fileSlug("x".repeat(80))).toBe("x".repeat(60));
    expect(fileSlug("")).toBe("chart");
    expect(fileSlug("★★★")).toBe("chart");
  });
});

describe("composeSvg", () => {
  it("lays the charts side by side under a title line, on white, with their sizes", () => {
    const { text, width, height } = composeSvg([drawn(300, 200, "left"), drawn(250, 180, "right")], "Prefill vs decode");
    expect(width).toBe(550);
    expect(height).toBe(224); // the taller chart + 24 px of title
    expect(text.startsWith(`<svg xmlns="${SVG_NS}"`)).toBe(true);
    const root = parse(text).documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect([root.getAttribute("width"), root.getAttribute("height"), root.getAttribute("viewBox")]).toEqual(["550", "224", "0 0 550 224"]);
    const [bg, title, ...charts] = Array.from(root.children);
    expect([bg?.tagName, bg?.getAttribute("fill")]).toEqual(["rect", "#ffffff"]);
    expect([title?.tagName, title?.textContent]).toEqual(["text", "Prefill vs decode"]);
    expect(charts.map((c) => [c.getAttribute("x"), c.getAttribute("y"), c.getAttribute("width"), c.getAttribute("height"), c.textContent])).toEqual([
      ["0", "24", "300", "200", "left"],
      ["300", "24", "250", "180", "right"],
    ]);
    expect(charts.every((c) => !c.hasAttribute("style"))).toBe(true);
  });

  it("leaves the drawn charts untouched and falls back to 600 × 300 for a chart with no size", () => {
    const live = drawn(null, null, "sizeless");
    const { width, height } = composeSvg([live], "t");
    expect([width, height]).toEqual([600, 324]);
    expect(live.getAttribute("style")).toBe("color: red");
    expect(live.hasAttribute("x")).toBe(false);
  });

  it("keeps a title with markup as text", () => {
    const { text } = composeSvg([drawn(10, 10, "c")], '<script>alert("x")</script> & more');
    expect(text).toContain("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more");
    expect(parse(text).getElementsByTagName("script")).toHaveLength(0);
  });
});

describe("downloadBlob", () => {
  it("clicks a temporary download link to an object URL, removes it, and frees the URL after 10 s", async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => (created.push(b), "blob:test/1"));
    const revokeObjectURL = vi.fn();
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    onTestFinished(() => void Object.assign(URL, saved));
    const clicked: { href: string; download: string; rel: string; inPage: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, rel: this.rel, inPage: document.body.contains(this) });
    });

    downloadText("a,b\r\n", "roofline.csv", "text/csv");
    expect(clicked).toEqual([{ href: "blob:test/1", download: "roofline.csv", rel: "noopener", inPage: true }]);
    expect(document.querySelectorAll("a")).toHaveLength(0);
    expect(created[0]?.type).toBe("text/csv");
    expect(await created[0]?.text()).toBe("a,b\r\n");
    vi.advanceTimersByTime(9_999);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revokeObjectURL).toHaveBeenCalledWith("blob:test/1");

    downloadBlob(new Blob(["{}"], { type: "application/json" }), "report.json");
    expect(clicked.at(-1)?.download).toBe("report.json");
  });
});
