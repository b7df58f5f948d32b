// A trace of one cold load (new browser), to see what the main thread does before the first numbers.
// Usage: node scripts/trace-load.mjs http://127.0.0.1:4216   (a `vite preview` of a build, ideally --minify false)
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
const base = process.argv[2] ?? "http://127.0.0.1:4216";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined), args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "toplevel", "blink.user_timing", "loading"] });
const t0 = Date.now();
await page.goto(`${base}/?v=1&pt=512&ot=256`);
await page.getByTestId("ttft").filter({ hasText: /\d/ }).waitFor();
console.log("first numbers (wall)", Date.now() - t0, "ms");
await page.waitForTimeout(500);
const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const main = ev.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && ev.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
const nav = ev.find((e) => e.name === "navigationStart" && e.pid === main.pid)?.ts ?? mine[0].ts;
for (const k of mine.filter((e) => e.name === "RunTask" && e.dur > 15000)) {
  const kids = mine.filter((e) => e.ts >= k.ts && e.ts + e.dur <= k.ts + k.dur && e !== k);
  const agg = {};
  for (const e of kids) if (!/RunTask|ThreadController|mojo/.test(e.name)) agg[e.name] = Math.max(agg[e.name] ?? 0, e.dur / 1000);
  const urls = [...new Set(kids.map((e) => e.args?.data?.url ?? e.args?.data?.fileName).filter(Boolean).map((u) => String(u).split("/").pop()))];
  console.log(`${((k.ts - nav) / 1000).toFixed(0).padStart(6)} ms +${(k.dur / 1000).toFixed(1)} ms`, Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([a, b]) => `${a} ${b.toFixed(1)}`).join(", "), urls.slice(0, 4).join(" "));
}
for (const e of ev.filter((e) => e.pid === main.pid && /firstContentfulPaint|ResourceFinish/.test(e.name)).slice(0, 30)) console.log("  ", e.name, ((e.ts - nav) / 1000).toFixed(0));
await browser.close();
