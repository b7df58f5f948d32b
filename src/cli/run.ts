/**
 * The command-line face of the calculator (shared/CONTRACT.md, "Command line"), as a function:
 * arguments and input in, exit code and output out, nothing thrown. main.ts runs it as a
 * process; tests and the fuzz target call it directly.
 *
 *   eval <scenario.json | ->   the report as JSON on stdout
 *   eval --url '<share link>'   the same for the scenario a share link opens
 *   presets                     model and hardware preset ids (and names)
 *
 * Invalid input of any kind gives one line on stderr, `error: <field>: <what is wrong>`, and
 * exit code 2: malformed JSON, an unknown or misspelt field anywhere in the scenario, a value out
 * of its plausible range, anything a share link could not use. Control characters from the input
 * are shown escaped, never written raw to the terminal. A UTF-8 byte-order mark is not an error.
 */
import { HARDWARE_PRESETS, MODEL_PRESETS, evaluateInput } from "../core/index";
import { decodeScenario } from "../state/url/codec";

/** Where the CLI reads from: a file by path (throws a NodeJS.ErrnoException), or standard input. */
export interface CliInput {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

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

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** One line, control characters (terminal escapes included) shown as \u001b-style escapes. */
export function safeLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

async function readScenarioText(source: string, io: CliInput): Promise<string> {
  if (source === "-") return io.readStdin();
  try {
    return await io.readFile(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : "cannot be read";
    fail(source, why);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown; // a byte-order mark is not an error
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : "";
    fail(source === "-" ? "stdin" : source, `malformed JSON${detail ? ` (${detail})` : ""}`);
  }
}

function evaluateOrFail(input: unknown): string {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    fail("scenario", `must be a JSON object (got ${Array.isArray(input) ? "an array" : input === null ? "null" : typeof input})`);
  }
  const { report, issues } = evaluateInput(input);
  const first = issues[0];
  if (first) fail(first.path || "scenario", first.message);
  return json(report);
}

async function evalCommand(args: string[], io: CliInput): Promise<string> {
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
    return evaluateOrFail(input);
  }
  if (first.startsWith("-") && first !== "-") fail(first, "unknown option for eval");
  if (second !== undefined) fail(second, "unexpected argument");
  return evaluateOrFail(parseJson(await readScenarioText(first, io), first));
}

function presetsCommand(args: string[]): string {
  if (args[0] !== undefined) fail(args[0], "unexpected argument");
  return json({
    models: MODEL_PRESETS.map((p) => ({ id: p.id, name: p.shape.name })),
    hardware: HARDWARE_PRESETS.map((p) => ({ id: p.id, name: p.spec.name })),
  });
}

/** Runs one command line. Never throws: every failure is an exit code and a line on stderr. */
export async function runCli(argv: string[], io: CliInput): Promise<CliResult> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "eval":
        return { code: 0, stdout: await evalCommand(args, io), stderr: "" };
      case "presets":
        return { code: 0, stdout: presetsCommand(args), stderr: "" };
      case "--help":
      case "-h":
      case "help":
        return { code: 0, stdout: USAGE, stderr: "" };
      case undefined:
        fail("command", "missing; try --help");
        break;
      default:
        fail(command, "unknown command; try --help");
    }
    return { code: 0, stdout: "", stderr: "" };
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: "", stderr: `error: ${safeLine(e.message)}\n` };
    const message = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: "", stderr: `error: internal: ${safeLine(message.split("\n")[0] ?? "")}\n` };
  }
}
