/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { pwaPlugin } from "./scripts/pwa-plugin.ts";

/**
 * Every built file stays under 250 KB before gzip (issue 16): the libraries that made the entry
 * and the chart chunk large each get a chunk of their own, and the accuracy worker's case files
 * are chunks of their own. Only modules that were already in one chunk together are regrouped, so
 * nothing that loaded later starts loading earlier (React DOM is loaded with the app, by boot.ts
 * after the first numbers; the d3 and state libraries with the first chart; the case files by the
 * accuracy worker).
 */
type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** A module and every module it imports statically, transitively. */
function staticClosure(root: string, graph: ModuleGraph): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The app (main.tsx and what it imports statically, React DOM aside) is one chunk: main.tsx is
 * loaded by boot.ts after the first numbers, and without this its modules that lazy panels share
 * were split into ~25 small chunks, each a request before React could mount (React mounted
 * 60–130 ms later on cold loads). What boot.ts imports is a group of its own, ahead of the app's:
 * a group takes its modules' dependencies along, and the app imports boot's worker starter.
 */
const closures = new WeakMap<ModuleGraph, { main: Set<string>; boot: Set<string> }>();
function closureOf(entry: "main" | "boot", graph: ModuleGraph): Set<string> {
  let c = closures.get(graph);
  if (!c) {
    const root = (f: string) => staticClosure(`${import.meta.dirname}/src/${f}`, graph);
    c = { main: root("main.tsx"), boot: root("boot.ts") };
    closures.set(graph, c);
  }
  return c[entry];
}

const pkgOf = (id: string) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1] ?? "";
const CHART_STATE = ["@reduxjs/toolkit", "redux", "redux-thunk", "immer", "reselect", "react-redux", "es-toolkit", "eventemitter3"];
// Library and data groups first (higher priority): the app group takes a module's dependencies
// with it, and must not take React DOM or the case files.
const caseFiles = { name: (id: string) => /validation[\\/]([\w-]+)\.json$/.exec(id)?.[1]?.replaceAll("_", "-") ?? null, debugName: "case files", priority: 2 };
const codeSplitting = {
  groups: [
    // what boot.ts imports (it runs before the first numbers) is never pulled into the app chunk
    { name: (id: string, ctx: ModuleGraph) => (closureOf("boot", ctx).has(id) ? "boot" : null), debugName: "boot", priority: 3 },
    { name: "react-dom", test: (id: string) => ["react-dom", "scheduler"].includes(pkgOf(id)), priority: 2 },
    { name: "d3", test: (id: string) => pkgOf(id).startsWith("d3-") || ["victory-vendor", "internmap", "decimal.js-light"].includes(pkgOf(id)), priority: 2 },
    { name: "chart-state", test: (id: string) => CHART_STATE.includes(pkgOf(id)), priority: 2 },
    caseFiles,
    { name: (id: string, ctx: ModuleGraph) => (closureOf("main", ctx).has(id) ? "app" : null), debugName: "app", priority: 1 },
  ],
};

export default defineConfig({
  plugins: [react(), tailwindcss(), pwaPlugin()],
  worker: { format: "es", rolldownOptions: { output: { codeSplitting: { groups: [caseFiles] } } } },
  build: { target: "es2022", sourcemap: false, rolldownOptions: { output: { codeSplitting } } },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts", "validation/**/*.test.ts"],
    environment: "node",
    // Vitest's default 5 s is below what the property and simulation tests take on a busy 2-core
    // machine (a lesson step measured 12 s beside two other test runs; ~3 s alone). A time limit,
    // never a retry; a test that cannot finish in 20 s fails.
    testTimeout: 20_000,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
