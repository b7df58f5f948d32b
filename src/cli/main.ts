/**
 * `npm run -s cli -- …`: runs the command line (run.ts) as a process. It runs straight from
 * source under tsx, so imports stay lean (the core and the URL codec only) to answer within
 * about a second.
 */
import { readFile } from "node:fs/promises";
import { runCli } from "./run";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

// A reader that closes the pipe early (| head) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") process.exitCode = 1;
});

runCli(process.argv.slice(2), { readFile: (path) => readFile(path, "utf8"), readStdin }).then(
  ({ code, stdout, stderr }) => {
    if (stdout) process.stdout.write(stdout);
    if (stderr) process.stderr.write(stderr);
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
