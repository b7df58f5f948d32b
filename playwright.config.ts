import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { chromium } from "@playwright/test";

/** Chromium: $CHROMIUM_PATH, else Playwright's own download if present, else Debian's /usr/bin/chromium. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    /* no bundled browser */
  }
  return "/usr/bin/chromium";
}

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * One Playwright worker per two cores: each worker drives a Chromium (renderer, GPU process and
 * the page's Web Worker) beside the shared preview server, so on the 2-core machine a newcomer
 * has, two workers doubled every test's time and pushed the slow ones past their limits. One
 * worker there; CI the same. A test that passes only on retry is a failing test: no retries.
 */
const WORKERS = process.env.CI ? 1 : Math.max(1, Math.floor(availableParallelism() / 2));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/playwright.json" }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    // The built page registers a service worker; it would answer requests before page.route()
    // sees them. Specs that test offline opt back in with test.use({ serviceWorkers: "allow" }).
    serviceWorkers: "block",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `npm run -s build && npx vite preview --host 127.0.0.1 --strictPort --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
