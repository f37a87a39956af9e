/*
 * Writes the "Criteria and accepted values" section of README.md, between the
 * criteria markers, from the core's registry. `npm run docs:criteria` rewrites
 * it; `npm run docs:criteria -- --check` only says whether it is out of date.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  CRITERION_DEFS, DEFAULT_THRESHOLDS, GENERIC_WORDS, NUMBER_ACCEPTED, UNKNOWN_WORDS, criteriaCatalog, formatCount,
  type CriterionEntry, type Thresholds,
} from "../src/core";

export const START_MARKER = "<!-- criteria:start -->";
export const END_MARKER = "<!-- criteria:end -->";
export const README_PATH = path.join(__dirname, "..", "README.md");

/** Table cells: a pipe would end the cell and a line break the row. */
function cell(text: string): string {
  return text.replace(/\|/gu, "\\|").replace(/\r?\n/gu, " ");
}

const code = (words: readonly string[]): string => words.map((w) => `\`${w}\``).join(", ");

function gateText(entry: CriterionEntry, t: Thresholds): string {
  const def = CRITERION_DEFS[entry.id];
  const lines: string[] = [];
  if (entry.id === "goal") {
    lines.push(`A (delivering): ${def.needA ?? ""}; learning keeps the part in prototyping`);
    lines.push(`unstated: delivering when the quantity (or, without one, the annual volume) is above ${formatCount(t.prototypeQuantity)}`);
  } else if (def.needA) {
    lines.push(`A (at least partial): ${def.needA}`);
  }
  if (def.needB) lines.push(`B (met): ${def.needB}`);
  if (entry.id === "quantity") {
    lines.push(`no gate; above ${formatCount(t.prototypeQuantity)} an unstated goal counts as delivering; above ${formatCount(t.lowVolumeQuantity)} while prototyping: warning`);
  }
  if (entry.id === "annual_volume") {
    lines.push(`no gate; stands in for a missing quantity when the goal is unstated; under ${formatCount(t.lowVolumeQuantity)} in mass production: warning`);
  }
  return lines.join("<br>");
}

/** The Markdown that goes between the markers (without them). */
export function renderCriteriaSection(thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const rows = criteriaCatalog().map((entry) =>
    `| \`${entry.id}\` | ${cell(entry.description)} | ${cell(gateText(entry, thresholds))} | ${cell(entry.headers.join(", "))} | ${cell(entry.accepted)} |`,
  );
  const unknown = UNKNOWN_WORDS.filter((w) => w !== "");
  return [
    "## Criteria and accepted values",
    "",
    "Generated from the core's registry (`src/core/criteria.ts`) by `npm run docs:criteria`; a test fails",
    "when this section and the registry disagree, so edit the registry, not this text.",
    "",
    "A column is read as a criterion when its header, lower-cased and with punctuation and",
    "repeated spaces folded to one space, equals one of the headers listed. Gate A takes a part",
    "from prototyping to low-volume manufacturing, gate B from low-volume to mass production.",
    `The thresholds shown are the defaults (${formatCount(thresholds.prototypeQuantity)} and ${formatCount(thresholds.lowVolumeQuantity)}); both can be changed.`,
    "",
    "| id | what it means | gate | column headers | accepted values |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "### Words every level criterion accepts",
    "",
    "Matching ignores case, surrounding spaces and trailing punctuation (`.`, `,`, `;`, `:`, `!`, `?`),",
    "and reads hyphens and underscores as spaces, so `One-off.` is `one off`.",
    "",
    "| level | words |",
    "|---|---|",
    `| met | ${cell(code(GENERIC_WORDS.met))}, Excel's \`TRUE\` |`,
    `| partial | ${cell(code(GENERIC_WORDS.partial))}, a percentage strictly between 0% and 100% (\`40%\`), a number strictly between 0 and 1 (\`0.4\`) |`,
    `| not met | ${cell(code(GENERIC_WORDS.notMet))}, Excel's \`FALSE\` |`,
    "",
    "A criterion's own words (in the table above) come first when a word could mean two things.",
    "A negative share (`-10%`) or a number above 1 (`50`) is not a level; the cell is reported and",
    "counted as unknown.",
    "",
    "### Unknown is not no",
    "",
    `A blank cell, ${cell(code(unknown))}, or an Excel error (\`#N/A\`, \`#REF!\`, \`#DIV/0!\`...) is`,
    "unknown: when the next gate needs it, it is listed as *missing*, never as a blocker. Text the tool does not",
    "recognise is unknown too, and is also reported as a cell problem naming the criterion and",
    "what was expected. Under a bare `Material` or `Finish` header any other value, a number such",
    "as `6061` included, names the material or finish and counts as partial; under a bare",
    "`Supplier` header it names the supplier and counts as unknown, without a problem report.",
    "",
    "### Quantities",
    "",
    `Quantity and annual volume take ${NUMBER_ACCEPTED}.`,
    "Also accepted: `1 000` (space as thousands separator), `1.5m` or `2 million`, a leading",
    "`about`, `approx.` or `ca.`, units such as `pc`, `pieces`, `units`, `ea`, `/yr` or `per year`,",
    "and ranges written `50 - 100`, `50–100` or `50 to 100`. A dot is always the decimal point:",
    "`1.000` is 1, not a thousand. A negative number or text that is not a number is reported",
    "and counted as not given; a quantity that cannot be read therefore lets the annual volume",
    "decide an unstated goal.",
  ].join("\n");
}

/** README text with everything between the markers replaced by `section`; throws when the markers are missing. */
export function withCriteriaSection(readme: string, section: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`README.md needs the lines ${START_MARKER} and ${END_MARKER}, in that order, around the criteria section.`);
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n${section}\n${readme.slice(end)}`;
}

/** Writes next to the target, then renames over it, so a reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, "utf8");
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function main(argv: readonly string[]): number {
  const check = argv.includes("--check");
  const readme = readFileSync(README_PATH, "utf8");
  let next: string;
  try {
    next = withCriteriaSection(readme, renderCriteriaSection());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (next === readme) {
    process.stdout.write("README.md: criteria section is up to date.\n");
    return 0;
  }
  if (check) {
    process.stderr.write("README.md: criteria section is out of date; run npm run docs:criteria.\n");
    return 1;
  }
  writeAtomically(README_PATH, next);
  process.stdout.write("README.md: criteria section rewritten.\n");
  return 0;
}

if (typeof require !== "undefined" && require.main === module) process.exitCode = main(process.argv.slice(2));
