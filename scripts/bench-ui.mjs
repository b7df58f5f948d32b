/**
 * npm run bench:ui — interaction figures in headless Chromium against the production build
 * (a benchmark, not a test: it prints figures and never fails on them).
 *
 * - Input → numbers: from a slider's input event (its timeStamp) to the first animation frame
 *   after the results in the DOM changed; the same to each visible chart's changed SVG.
 * - Long tasks (> 50 ms, PerformanceObserver "longtask") during a 2-second mouse drag.
 * - A 10,000-point sweep and the latency–cost frontier, timed inside the cost worker.
 * - Gzipped size of every JavaScript file in dist/assets, and of what the first numbers need.
 */
import { spawn, execSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 60);
// BENCH_VIEWPORT=390x844 for a phone; charts are measured only while they are in the viewport.
const [VW, VH] = (process.env.BENCH_VIEWPORT ?? "1280x900").split("x").map(Number);
if (!process.argv.includes("--no-build")) execSync("npx vite build --logLevel error", { stdio: "inherit" });

// ---- bundle sizes ------------------------------------------------------------------------
const dir = "dist/assets";
const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
const gz = (f) => gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
const sizes = files.map((f) => ({ f, gz: gz(f) })).sort((a, b) => b.gz - a.gz);
const html = readFileSync("dist/index.html", "utf8");
const entry = [...html.matchAll(/assets\/([^"]+\.js)/g)].map((m) => m[1]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---- server --------------------------------------------------------------------------------
const server = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--strictPort", "--port", String(PORT)], { stdio: "ignore", detached: true });
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: VW, height: VH } });
  const loaded = new Set();
  page.on("response", (r) => {
    const m = r.url().match(/assets\/([^?]+\.js)$/);
    if (m) loaded.add(m[1]);
  });
  await page.addInitScript(() => {
    const w = window;
    w.__bench = { samples: [], longTasks: [], current: null };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__bench.longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
    const REGIONS = {
      numbers: '[data-testid="results"]',
      roofline: '[data-testid="roofline-chart"] svg',
      breakdown: '[data-testid="breakdown-chart"] svg',
      attention: '[data-testid="attention-chart"] svg',
      capacity: '[data-testid="capacity-chart"] svg, [data-testid="capacity-feasible"] svg',
      frontier: '[data-testid="frontier-chart"] svg',
    };
    // A chart counts only when it is in the viewport at the input (one scrolled out of view redraws when it comes back).
    const inView = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    };
    document.addEventListener(
      "input",
      (e) => {
        if (!(e.target instanceof HTMLInputElement) || e.target.type !== "range") return;
        if (w.__bench.current && w.__bench.current.at.numbers === undefined) w.__bench.current.superseded = true;
        const visible = { numbers: true };
        for (const k of ["roofline", "breakdown", "attention", "capacity", "frontier"]) visible[k] = inView(`[data-testid="${k}-chart"]`);
        w.__bench.current = { t0: e.timeStamp, at: {}, visible, superseded: false };
        w.__bench.samples.push(w.__bench.current);
      },
      true,
    );
    const start = () => {
      new MutationObserver((muts) => {
        const cur = w.__bench.current;
        if (!cur) return;
        for (const [name, sel] of Object.entries(REGIONS)) {
          if (cur.at[name] !== undefined) continue;
          const hit = muts.some((m) => {
            // aria-busy flips when a request starts, before any number changed: not a result.
            if (m.type === "attributes" && m.attributeName === "aria-busy") return false;
            const n = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            return n && n.closest(sel);
          });
          if (hit) {
            cur.at[name] = -1;
            requestAnimationFrame(() => {
              cur.at[name] = performance.now() - cur.t0;
            });
          }
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    };
    if (document.body) start();
    else document.addEventListener("DOMContentLoaded", start);
  });
  const t0 = Date.now();
  await page.goto(`${base}/?v=1&pt=512&ot=256`);
  await page.getByTestId("ttft").filter({ hasText: /\d/ }).waitFor();
  const firstNumbersMs = Date.now() - t0;
  await page.getByTestId("roofline-chart").locator("svg").first().waitFor();
  await page.getByTestId("breakdown-chart").locator("svg").first().waitFor();
  await page.waitForTimeout(500);
  const firstLoad = [...loaded];

  // 1. Key presses on the batch slider, one at a time, each left to settle.
  const slider = page.getByRole("slider", { name: "Batch size" }).first();
  await slider.focus();
  await page.evaluate(() => {
    window.__bench.samples = [];
    window.__bench.longTasks = [];
  });
  for (let i = 0; i < PRESSES; i++) {
    await slider.press(i < PRESSES / 2 ? "ArrowRight" : "ArrowLeft");
    await page.waitForTimeout(120);
  }
  const keys = await page.evaluate(() => window.__bench.samples.map((s) => ({ ...s.at, visible: s.visible })));

  // 2. A 2-second drag across the prompt slider.
  const prompt = page.getByRole("slider", { name: "Prompt tokens" }).first();
  await prompt.scrollIntoViewIfNeeded();
  const box = await prompt.boundingBox();
  await page.evaluate(() => {
    window.__bench.samples = [];
    window.__bench.longTasks = [];
  });
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  const steps = 120;
  const dragStart = Date.now();
  for (let i = 0; i <= steps; i++) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / steps, box.y + box.height / 2);
    const wait = dragStart + (2000 * i) / steps - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.mouse.up();
  await page.waitForTimeout(400);
  const drag = await page.evaluate(() => ({ samples: window.__bench.samples.map((s) => ({ ...s.at, visible: s.visible, superseded: s.superseded })), longTasks: window.__bench.longTasks }));

  // 3. The other teaching charts, one tab at a time: batch key presses with that tab shown, from
  // the starting scenario again (the drag left a prompt so long that nothing fits).
  await page.goto(`${base}/?v=1&pt=512&ot=256`);
  await page.getByTestId("ttft").filter({ hasText: /\d/ }).waitFor();
  const tabs = {};
  for (const [tab, name] of [["attention", "Attention"], ["capacity", "Capacity"], ["frontier", "Latency vs cost"]]) {
    await page.getByRole("tab", { name }).click();
    await page.getByTestId(`${tab}-chart`).locator("svg").first().waitFor();
    await page.waitForTimeout(400);
    await slider.focus();
    await page.evaluate(() => {
      window.__bench.samples = [];
    });
    for (let i = 0; i < PRESSES / 2; i++) {
      await slider.press(i < PRESSES / 4 ? "ArrowRight" : "ArrowLeft");
      await page.waitForTimeout(120);
    }
    tabs[tab] = await page.evaluate(() => window.__bench.samples.map((s) => ({ ...s.at, visible: s.visible })));
  }

  // 4. Worker timings: a 10,000-point sweep and the frontier, in a fresh cost worker.
  const workerFile = files.find((f) => f.startsWith("cost.worker"));
  const worker = workerFile
    ? await page.evaluate(async (url) => {
        const w = new Worker(url, { type: "module" });
        let id = 0;
        const call = (name, args) =>
          new Promise((resolve) => {
            const my = String(++id);
            const on = (e) => {
              if (e.data?.id !== my) return;
              w.removeEventListener("message", on);
              resolve(e.data.value);
            };
            w.addEventListener("message", on);
            w.postMessage({ id: my, type: "APPLY", path: [name], argumentList: args.map((value) => ({ type: "RAW", value })) });
          });
        const input = { model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 } };
        // two full sweeps first: the worker starts cold and the JIT optimises the core during them
        const warm = [await call("sweepTiming", [input, 10000]), await call("sweepTiming", [input, 10000])];
        const sweeps = [];
        for (let i = 0; i < 8; i++) sweeps.push(await call("sweepTiming", [input, 10000]));
        const fr = await call("frontier", [input]);
        w.terminate();
        return { warm, sweeps, frontierMs: fr?.ms, frontierPoints: fr?.points?.length };
      }, `${base}/assets/${workerFile}`)
    : null;

  // ---- report ----------------------------------------------------------------------------
  const pct = (xs, p) => {
    const s = xs.filter((x) => x >= 0).sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
  };
  const line = (name, xs) => `${name.padEnd(34)} n=${String(xs.filter((x) => x >= 0).length).padStart(3)}  p50 ${pct(xs, 50).toFixed(1).padStart(5)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(5)} ms  max ${Math.max(...xs.filter((x) => x >= 0)).toFixed(1)} ms`;
  const col = (arr, k) => arr.filter((s) => s.visible[k]).map((s) => s[k]).filter((x) => typeof x === "number");
  const chartLine = (name, arr, k) => {
    const seen = arr.filter((s) => s.visible[k]).length;
    if (seen === 0) return `${name.padEnd(34)} not in the viewport (not measured: it redraws when scrolled into view)`;
    return `${line(name, col(arr, k))}${seen < arr.length ? `  (in view for ${seen} of ${arr.length} inputs)` : ""}`;
  };
  console.log(`\nFirst numbers after navigation: ${firstNumbersMs} ms (wall clock, includes page load)`);
  console.log(`\nViewport ${VW}×${VH}; charts are measured only while in the viewport.`);
  console.log(`\nBatch slider, ${PRESSES} key presses (input event → first frame after the DOM changed; goal p95 ≤ 16 ms numbers, ≤ 33 ms charts):`);
  console.log(line("  numbers", col(keys, "numbers")));
  console.log(chartLine("  roofline chart SVG", keys, "roofline"));
  console.log(chartLine("  breakdown chart SVG", keys, "breakdown"));
  const live = drag.samples.filter((s) => !s.superseded);
  console.log(`\nPrompt slider, 2-second drag: ${drag.samples.length} input events, ${drag.samples.length - live.length} superseded by the next before the DOM changed`);
  console.log(line("  numbers", col(live, "numbers")));
  console.log(chartLine("  roofline chart SVG", live, "roofline"));
  console.log(chartLine("  breakdown chart SVG", live, "breakdown"));
  console.log(`  long tasks (> 50 ms) during the drag: ${drag.longTasks.length}${drag.longTasks.length ? ` (${drag.longTasks.map((d) => d.toFixed(0)).join(", ")} ms)` : ""}`);
  console.log(`\nOther teaching charts (tab shown), batch slider, ${PRESSES / 2} key presses each:`);
  for (const [tab, samples] of Object.entries(tabs)) {
    const changed = samples.filter((x) => typeof x[tab] === "number" && x[tab] >= 0).length;
    console.log(`${chartLine(`  ${tab} chart SVG`, samples, tab)}${changed < samples.length ? `  (changed on ${changed} of ${samples.length} presses)` : ""}`);
  }
  if (worker) {
    const sorted = [...worker.sweeps].sort((a, b) => a - b);
    console.log(`\nWorker: 10,000-point sweep (Llama-3.1-70B on 8 H100s): cold ${worker.warm.map((x) => x.toFixed(1)).join(" / ")} ms, then median ${sorted[sorted.length >> 1].toFixed(1)} / worst ${sorted.at(-1).toFixed(1)} ms over ${sorted.length} runs (goal ≤ 50 ms)`);
    console.log(`Worker: latency–cost frontier, ${worker.frontierPoints} points in ${worker.frontierMs?.toFixed(1)} ms`);
  }
  const total = sizes.reduce((a, s) => a + s.gz, 0);
  const first = sizes.filter((s) => entry.includes(s.f)).reduce((a, s) => a + s.gz, 0);
  const atLoad = sizes.filter((s) => firstLoad.includes(s.f)).reduce((a, s) => a + s.gz, 0);
  const workerGz = sizes.find((x) => x.f.startsWith("cost.worker"))?.gz ?? 0;
  console.log(`\nJavaScript, gzip -9 (goal ≤ 200 KB): all files ${kb(total)}; the first numbers need ${kb(first + workerGz)} (entry ${kb(first)} + cost worker ${kb(workerGz)}); fetched by the default page ${kb(atLoad)}`);
  for (const s of sizes.slice(0, 8)) console.log(`  ${kb(s.gz).padStart(9)}  ${s.f}${entry.includes(s.f) ? "  (entry)" : firstLoad.includes(s.f) ? "  (default page)" : "  (lazy)"}`);
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
}
