/**
 * The command-line face of the calculator (shared/CONTRACT.md, "Command line"):
 *
 *   npm run -s cli -- eval <scenario.json | ->   the report as JSON on stdout
 *   npm run -s cli -- eval --url '<share link>'   the same for the scenario a share link opens
 *   npm run -s cli -- presets                     model and hardware preset ids (and names)
 *
 * Invalid input of any kind prints one line on stderr, `error: <field>: <what is wrong>`, and
 * exits with code 2; nothing here prints a stack trace. It runs straight from source under tsx,
 * so imports stay lean (the core and the URL codec only) to answer within about a second.
 */
import { readFile } from "node:fs/promises";
import { HARDWARE_PRESETS, MODEL_PRESETS, evaluateInput } from "../core/index";
import { decodeScenario } from "../state/url/codec";

const USAGE = `Usage:
  npm run -s cli -- eval <scenario.json | ->    evaluate a scenario (JSON file, or - for stdin);
                                                prints the report as JSON
  npm run -s cli -- eval --url '<share link>'   evaluate the scenario a share link opens
  npm run -s cli -- presets                     list model and hardware presets as JSON
  npm run -s cli -- --help                      this text

Scenario and report fields: see shared/CONTRACT.md. Invalid input prints one line on stderr
naming the field and exits with code 2.
`;

/** Invalid input: reported as one line naming the field, exit code 2. */
class InputError extends Error {}

function fail(field: string, message: string): never {
  throw new InputError(`${field}: ${message}`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function readScenarioText(source: string): Promise<string> {
  if (source === "-") return readStdin();
  try {
    return await readFile(source, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : "cannot be read";
    fail(source, why);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : "";
    fail(source === "-" ? "stdin" : source, `malformed JSON${detail ? ` (${detail})` : ""}`);
  }
}

function evaluateOrFail(input: unknown): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    fail("scenario", `must be a JSON object (got ${Array.isArray(input) ? "an array" : input === null ? "null" : typeof input})`);
  }
  const { report, issues } = evaluateInput(input);
  const first = issues[0];
  if (first) fail(first.path || "scenario", first.message);
  printJson(report);
}

async function evalCommand(args: string[]): Promise<void> {
  const [first, second, ...rest] = args;
  if (first === undefined) fail("eval", "give a scenario file, - for stdin, or --url '<share link>'");
  if (first === "--url" || first.startsWith("--url=")) {
    const inline = first.startsWith("--url=");
    const link = inline ? first.slice("--url=".length) : second;
    const extra = inline ? second : rest[0];
    if (link === undefined || link === "") fail("--url", "missing the share link");
    if (extra !== undefined) fail(extra, "unexpected argument");
    const { input, warnings } = decodeScenario(link);
    if (warnings[0] !== undefined) throw new InputError(warnings[0]);
    evaluateOrFail(input);
    return;
  }
  if (first.startsWith("-") && first !== "-") fail(first, "unknown option for eval");
  if (second !== undefined) fail(second, "unexpected argument");
  evaluateOrFail(parseJson(await readScenarioText(first), first));
}

function presetsCommand(args: string[]): void {
  if (args[0] !== undefined) fail(args[0], "unexpected argument");
  printJson({
    models: MODEL_PRESETS.map((p) => ({ id: p.id, name: p.shape.name })),
    hardware: HARDWARE_PRESETS.map((p) => ({ id: p.id, name: p.spec.name })),
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "eval":
        await evalCommand(args);
        return 0;
      case "presets":
        presetsCommand(args);
        return 0;
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(USAGE);
        return 0;
      case undefined:
        fail("command", "missing; try --help");
        break;
      default:
        fail(command, "unknown command; try --help");
    }
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: internal: ${message.split("\n")[0]}\n`);
    return 1;
  }
}

// A reader that closes the pipe early (| head) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
