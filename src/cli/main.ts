/**
 * The part-readiness command line. `main` takes the arguments and the streams
 * and resolves to the exit code; it never calls process.exit, so it runs in
 * tests as it runs in a terminal. The binary also calls exitOnSignals, so that a
 * signal stops it at once (see output/atomic.ts).
 */
import { parseArgs, wantsHelp, type CommandDef, type ParsedArgs } from "./args";
import { runClassify } from "./classify/run";
import { CLASSIFY, COMMANDS, CRITERIA, REPORT, TEMPLATE } from "./commands";
import { runCriteria } from "./criteria";
import { runReport } from "./report/run";
import { EXIT_OK, isCliError, usageError } from "./errors";
import { commandHelp, programHelp } from "./help";
import { printLine, writeOut, type CliIo } from "./io";
import { programVersion } from "./version";

export type { CliIo } from "./io";
/** For bin/part-readiness.js: Ctrl-C and kills stop the program at once, removing unfinished output (130, 143). */
export { exitOnSignals } from "./output/atomic";

const RUNNERS: ReadonlyMap<CommandDef, (args: ParsedArgs, io: CliIo) => Promise<number>> = new Map([
  [CLASSIFY, runClassify],
  [REPORT, runReport],
  // exceljs (some 25 MB once loaded) is loaded only by the commands that write a new workbook with it.
  [TEMPLATE, async (args, io) => (await import("./template")).runTemplate(args, io)],
  [CRITERIA, runCriteria],
]);

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined)
    throw usageError("missing-argument", 'missing command; run "part-readiness --help" for the commands (classify, report, template, criteria)');
  if (first === "-h" || first === "--help") {
    await writeOut(io.stdout, programHelp(programVersion()));
    return EXIT_OK;
  }
  if (first === "-v" || first === "--version" || first === "-V") {
    printLine(io.stdout, programVersion());
    return EXIT_OK;
  }
  if (first === "help") {
    const about = COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && about === undefined)
      throw usageError("unknown-command", `unknown command "${rest[0]}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`);
    await writeOut(io.stdout, about === undefined ? programHelp(programVersion()) : commandHelp(about));
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) {
    if (first.startsWith("-")) throw usageError("unknown-option", `unknown option "${first}"; run "part-readiness --help"`);
    throw usageError("unknown-command", `unknown command "${first}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")} (run "part-readiness --help")`);
  }
  if (wantsHelp(rest)) {
    await writeOut(io.stdout, commandHelp(command));
    return EXIT_OK;
  }
  const parsed = parseArgs(command, rest);
  if (!parsed.ok) throw parsed.issue;
  const run = RUNNERS.get(command);
  if (run === undefined) throw new Error(`no runner for ${command.name}`);
  return run(parsed.value, io);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (isCliError(error)) {
      printLine(io.stderr, error.line());
      return error.exitCode;
    }
    throw error;
  }
}
