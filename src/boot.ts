/**
 * The page's entry (index.html): the smallest code that gets the first numbers on screen (issue 16).
 * It starts the cost worker and sends it the address (worker/early.ts), paints the worker's first
 * headline into the static shell (shell.ts), then loads React and the app (main.tsx), which take
 * over the shell. The link decoder, zod, the core and React are not in this chunk.
 */
import "./index.css";
import { firstAnswer } from "./worker/early";
import { paintFirst } from "./shell";

/** React loads after this long even if the worker has not answered (a stuck or very slow worker). */
const FIRST_WAIT_MS = 3000;

// React is loaded once the first numbers are painted, not beside them: on a 2-core machine its
// parse and evaluation took the CPU the worker needed (first numbers ~100 ms later).
void Promise.race([firstAnswer(), new Promise<null>((r) => setTimeout(() => r(null), FIRST_WAIT_MS))])
  .then((first) => paintFirst(first))
  .finally(() => import("./main"));
