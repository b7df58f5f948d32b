// Trace of a drag on the batch slider with a chosen tab shown: CDP Tracing (main-thread events) + Profiler (JS self time by function).
import { chromium } from "@playwright/test";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
// TRACE_DIR: where the trace and the profile go (default /tmp/trace-ui)
const dir = process.env.TRACE_DIR ?? "/tmp/trace-ui";
mkdirSync(dir, { recursive: true });
const base = process.argv[2] ?? "http://127.0.0.1:4216";
const tabName = process.argv[3] ?? "Attention";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined), args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/?v=1&pt=512&ot=256`);
await page.getByTestId("ttft").filter({ hasText: /\d/ }).waitFor();
await page.getByRole("tab", { name: tabName }).click();
await page.waitForTimeout(800);
const slider = page.getByRole("slider", { name: "Batch size" }).first();
const box = await slider.boundingBox();
const y = box.y + box.height / 2;
const from = box.x + 8;
await page.mouse.move(from, y);
await page.waitForTimeout(400);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: Number(process.env.TRACE_SAMPLE_US ?? 500) });
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "toplevel"] });
await cdp.send("Profiler.start");
await page.mouse.down();
const N = Number(process.argv[4] ?? 20);
for (let i = 1; i <= N; i++) { await page.mouse.move(from + (0.6 * (box.width - 16) * i) / 60, y); await page.waitForTimeout(33); }
await page.mouse.up();
await page.waitForTimeout(300);
const { profile } = await cdp.send("Profiler.stop");
const buf = await browser.stopTracing();
writeFileSync(`${dir}/trace.json`, buf);
writeFileSync(`${dir}/profile.cpuprofile`, JSON.stringify(profile));
console.log(`trace and profile in ${dir}`);
// JS self time by function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i + 1] ?? 0) / 1000); });
console.log("JS self time (ms), top 30:");
[...self].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
// inclusive time by function (count each sample once per function on its stack)
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => { const seen = new Set(); for (let x = id; x !== undefined; x = parent.get(x)) { const n = byId.get(x); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i + 1] ?? 0) / 1000); } });
console.log("JS inclusive (ms), top 45:");
[...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
// trace: main-thread event totals
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
const tot = new Map(); const tasks = [];
for (const e of ev) { if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== "X") continue; tot.set(e.name, (tot.get(e.name) ?? 0) + (e.dur ?? 0) / 1000); if (e.name === "RunTask") tasks.push(e.dur / 1000); }
console.log("Main thread totals (ms):");
[...tot].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
tasks.sort((a, b) => b - a); console.log("longest tasks", tasks.slice(0, 10).map((x) => x.toFixed(1)).join(", "), "n", tasks.length);
await browser.close();
