// Loaded by boot.ts, which has already started the cost worker and asked it for the first headline.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { calculatorStore } from "./state/store";
import { startUrlSync } from "./state/sync";
import { startResults } from "./state/results";
import { registerServiceWorker } from "./pwa/register";
import { LESSON_CATALOGUE } from "./ui/lessons/lessons";
import { firstAnswer } from "./worker/early";

/** How long React waits for the worker's first headline before it mounts without it (ms). */
const FIRST_WAIT_MS = 200;

// Order matters: the link is read into the store before the first evaluation is requested.
startUrlSync(calculatorStore, window, { lessons: LESSON_CATALOGUE });
// The worker's first headline (boot.ts painted it into the static shell before loading this): the
// store starts with it, so React's first render shows the same figures and replaces the shell in
// one commit. Already settled, unless boot.ts gave up waiting; then not waited for again long.
const first = await Promise.race([firstAnswer(), new Promise<null>((r) => setTimeout(() => r(null), FIRST_WAIT_MS))]);
startResults(calculatorStore, undefined, first ?? undefined);
// Offline after the first visit (production builds; the dev server has no sw.js).
if (import.meta.env.PROD) registerServiceWorker();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
