/**
 * The page's entry (index.html): the smallest code that gets the first numbers on screen (issue 16).
 * It starts the cost worker and sends it the address (worker/early.ts), paints the worker's first
 * headline into the static shell (shell.ts), and loads React and the app in parallel (main.tsx),
 * which take over the shell. The link decoder, zod, the core and React are not in this chunk.
 */
import "./index.css";
import { firstAnswer } from "./worker/early";
import { paintFirst } from "./shell";

void firstAnswer()
  .then((first) => paintFirst(first))
  .finally(() => import("./main"));
