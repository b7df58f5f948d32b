import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";

test("every icon the manifest and index.html name is in public/", () => {
  const manifest = JSON.parse(readFileSync("public/manifest.webmanifest", "utf8")) as { icons: { src: string }[] };
  const html = readFileSync("index.html", "utf8");
  const linked = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  const files = [...manifest.icons.map((i) => i.src), ...linked];
  expect(linked.length).toBeGreaterThanOrEqual(2);
  for (const f of files) expect(existsSync(`public/${f}`), f).toBe(true);
});
