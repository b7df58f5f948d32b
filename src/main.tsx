// First: starts the cost worker before the rest of the page's code is evaluated (see early.ts).
import "./worker/early";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";
import { App } from "./ui/App";
import { calculatorStore } from "./state/store";
import { startUrlSync } from "./state/sync";
import { startResults } from "./state/results";
import { registerServiceWorker } from "./pwa/register";
import { LESSON_CATALOGUE } from "./ui/lessons/lessons";

// Order matters: the link is read into the store before the first evaluation is requested.
startUrlSync(calculatorStore, window, { lessons: LESSON_CATALOGUE });
startResults(calculatorStore);
// Offline after the first visit (production builds; the dev server has no sw.js).
if (import.meta.env.PROD) registerServiceWorker();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
