/*
 * Writes the "Criteria and accepted values" section of README.md, between the
 * criteria markers, from the core's registry. `npm run docs:criteria` rewrites
 * it; `npm run docs:criteria -- --check` only says whether it is out of date.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  CRITERION_DEFS,
  DEFAULT_THRESHOLDS,
  EVIDENCE_WORDS,
  GENERIC_WORDS,
  NUMBER_ACCEPTED,
  ROLE_FAMILIES,
  UNKNOWN_WORDS,
  WAIVER_WORDS,
  criteriaCatalog,
  formatCount,
  type CriterionEntry,
  type Thresholds,
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
    lines.push(
      `no gate; above ${formatCount(t.prototypeQuantity)} an unstated goal counts as delivering; above ${formatCount(t.lowVolumeQuantity)} while prototyping: warning`,
    );
  }
  if (entry.id === "annual_volume") {
    lines.push(`no gate; stands in for a missing quantity when the goal is unstated; under ${formatCount(t.lowVolumeQuantity)} in mass production: warning`);
  }
  return lines.join("<br>");
}

/** Role patterns as the criteria table writes them: slots joined by " + ", words by "/". */
function patternText(patterns: readonly string[]): string {
  return patterns.map((p) => p.replace(/\|/gu, "/").replace(/=/gu, "")).join("; ");
}

/** The Markdown that goes between the markers (without them). */
export function renderCriteriaSection(thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const rows = criteriaCatalog().map(
    (entry) =>
      `| \`${entry.id}\` | ${cell(entry.description)} | ${cell(gateText(entry, thresholds))} | ${cell(entry.headers.join(", "))}<br>by words: ${cell(entry.headerWords)} | ${cell(entry.accepted)} |`,
  );
  const unknown = UNKNOWN_WORDS.filter((w) => w !== "");
  return [
    "## Criteria and accepted values",
    "",
    "Generated from the core's registry (`src/core/criteria.ts`) by `npm run docs:criteria`; a test fails",
    "when this section and the registry disagree, so edit the registry, not this text.",
    "",
    "A column is read as a criterion when its header, lower-cased and with punctuation and",
    "repeated spaces folded to one space, equals one of the headers listed, or when its words",
    "match one of the word patterns (see *How headers are read* below). Gate A takes a part",
    "from prototyping to low-volume manufacturing, gate B from low-volume to mass production.",
    `The thresholds shown are the defaults (${formatCount(thresholds.prototypeQuantity)} and ${formatCount(thresholds.lowVolumeQuantity)}); both can be changed.`,
    "",
    "| id | what it means | gate | column headers | accepted values |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "### How headers are read",
    "",
    "1. **Your mapping** first (`--map`, `--mapping`, the task pane's saved choices, the functions' `mapping` argument).",
    "2. **An exact header** from the table, or one whose only extra is a bracketed aside (`Qty (pcs)`, `Design frozen (Y/N)`).",
    "3. **By its words.** Case, punctuation, brackets, units, `?` and `(Y/N)` are set aside; short forms are spelled out",
    "   (`Dwg` drawing, `Qty` quantity, `Insp.` inspection, `Mat'l` material, `Tol.` tolerance, `EAU`); word forms fold",
    "   (validated/validation, tolerance/tolerances); a few German words are read too (`Werkstoff`, `Stückpreis`,",
    "   `Jahresbedarf`, `Prüfplan`...). A header matches a pattern in the table's *by words* list when it has a word for",
    "   each part of the pattern (`drawing/dwg/cad + status/release/...`) and every other word is a status word",
    "   (status, approved, done, complete...) or one the criterion allows. `Drawing Rev Status`, `Dwg Status`,",
    "   `Fit Check`, `Finish / Coating`, `Critical Dims`, `Control Plan`, `FAI Status`, `Unit Price`, `Annual Qty`",
    "   and `Build Purpose` are read this way.",
    "4. **A typo** of a long word counts (one letter in 5–7, two from 8: `Inspetion Plan`, `Suplier Status`).",
    "",
    "Words such as *name, number, code, date, owner, engineer, buyer, planner, on hand, lead time, currency, weight,",
    "report, per assembly* say a column holds something other than a status: `Supplier name`, `Drawing number`,",
    "`Inspection date`, `Quantity on hand`, `Qty per assembly` are never read. A header with the words of two criteria",
    "is not read and is reported as ambiguous. When two columns claim one criterion, your mapping wins, then the",
    "column whose cells read as values of it (`Supplier Status: Qualified` over `Supplier: Acme CNC`), then the",
    "stronger match, a status header before a bare name column, then the leftmost; the other column is reported",
    "as set aside and why. Every column's reading is listed on the command line, in the summary sheet, in the",
    "task pane and by `=READINESS_COLUMNS()`.",
    "",
    "### How cells are read",
    "",
    "A cell is looked up as a whole first (the words in the table and below). Otherwise the status is read inside the",
    "phrase:",
    "",
    "| read as | the cell says | why |",
    "|---|---|---|",
    "| met | `Frozen (rev C)`, `Frozen - Rev C`, `Released Rev B`, `Locked: 6061-T6` | a revision, date, bracket or text after a dash or colon is a qualifier |",
    "| not met | `Not frozen`, `Unreleased`, `Unqualified`, `Untested`, `Never validated`, `NOK`, `NG`, `Failed salt spray` | a negation turns a met word into not met |",
    "| partial | `Approved w/ conditions`, `Conditionally approved`, `Interim`, `Approved with deviations`, `Pass (with concession)` | a condition makes met partial |",
    "| met, listed as waived | `Waived`, `Pilot run waived: carry-over part`, `Deviation approved`, `Per deviation D-12` | a waiver, with text in the row's justification column |",
    "| unknown, reported | the same without a justification; `Waiver pending`, `Not waived`, `Waiver rejected` | a waiver counts only in writing and in force |",
    "| partial | `Fit OK, function pending`, `To be released` | part of it holds, the rest has not happened yet |",
    "| not met | `Awaiting test parts`, `Review scheduled`, `No control plan`, `Quote pending`, `RFQ sent` | nothing has happened yet |",
    "| unknown, reported | `Frozen until redesign`, `Approved but not for production`, `Released, changing` | the words leave open whether it still holds |",
    "| partial | `80% complete`, `2 of 3 tests passed` | a share under 100 % beside the status |",
    "| unknown | `N/A - bought-out part`, `TBD: waiting for supplier` | a not-known word before a dash or colon |",
    "",
    "**Goal** is read by its words: learning (prototype, proto, EVT, DV, proof of concept, feasibility, lab test, fit",
    "check...) or delivering (pilot, pre-series, series, serial, SOP, ramp-up, launch, supply, spares, customer",
    "samples...); a longer phrase wins (`production validation` is delivering, `design validation` learning). Words of",
    "both kinds (`Prototype for pilot line`) or a negation leave the goal unknown and the cell is reported with both",
    "readings. A goal cell that holds anything, even `TBD` or words the tool cannot read, is not a blank goal: the",
    "quantity does not stand in for it, and the goal is listed as missing.",
    "",
    "**Cost**: a money amount (`$4.20`, `4.20 EUR`, `€3.75`, `12,50 €`, `$1.15 @ 5k`) means the piece price is known",
    "(met; `~$4` is partial). Under a price header (`Unit price`, `Piece price`, `Target cost`) a plain positive number",
    "is a price too: `0.85` is met there, while under `Cost understood` it is a share, partial.",
    "",
    "**Bare Material and Finish columns** hold names: under `Material`, `Raw material`, `Finish`, `Surface finish`,",
    "`Coating`, `Plating` a name (`6061-T6`, `black anodize`, `Black or clear anodize`) means specified (partial), but a",
    "status phrase is read as a status: `Not confirmed` and `Failed salt spray` are not met, `6061-T6 (confirmed)` is met,",
    "and a cell that says no or not yet without a status (`Not yet`, `TBD`) is unknown and reported.",
    "",
    "**A part with nothing readable is still a part.** A row with any criterion cell filled, even `TBD`, is classified:",
    "when nothing in it can be read it is in prototyping with every gate-A item missing. A row with no criterion",
    "cell filled (a section title, a blank line) has no result.",
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
    "### Columns beside the criteria: assemblies, waivers, evidence",
    "",
    "These columns are read by their headers like the criteria (words, short forms, typos) and listed with the",
    "others, but never read as a status:",
    "",
    "| column | headers | what it does |",
    "|---|---|---|",
    `| BOM level | ${cell(patternText(ROLE_FAMILIES.level.patterns))} (\`Level\`, \`Lvl\`, \`BOM level\`, \`Explosion level\`, \`Indent\`) | the bill's structure: \`0\`/\`1\`/\`2\` or SAP's \`.1\`/\`..2\`; each part sits under the nearest row above it one level up |`,
    `| Parent | ${cell(patternText(ROLE_FAMILIES.parent.patterns))} (\`Parent\`, \`Parent P/N\`, \`Used on\`, \`Next assembly\`) | the bill's structure: the part number of the assembly the part is used on; wins over a Level column |`,
    `| Waiver justification | ${cell(patternText(ROLE_FAMILIES.justification.patterns))} (\`Waiver justification\`, \`Waiver\`, \`Deviation\`, \`Justification\`) | a criterion cell that says ${cell(code(WAIVER_WORDS.slice(0, 2)))} or \`deviation approved\` counts as met only when this cell holds text |`,
    `| Evidence | a criterion's header or subject with ${cell(code(EVIDENCE_WORDS.slice(0, 9)))}... (\`Design evidence\`, \`DFM report\`, \`PPAP link\`, \`FAI report\`, \`Test report\`) | shown beside its criterion, never changes a stage; only an \`https:\` link or a file path is offered as a link |`,
    "",
    "With a Level or Parent column every part that has components gets an *Assembly stage* (the lowest of its own",
    "stage and its components' assembly stages) and *Limited by* (the components below its own stage that set it).",
    "A level jump, a level or parent that cannot be read, a loop or a part listed twice with different stages is",
    "reported by cell, and the assemblies it touches are *Unknown*, never higher. A part's own stage never changes.",
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
    "`about`, `approx.`, `ca.`, `Qty` or `EAU`, units such as `pc`, `pieces`, `units`, `ea`, `off`, `Stk.`, `/yr` or",
    "`per year`, a trailing bracket (`5,000 (first order)`), and ranges written `50 - 100`, `50–100` or `50 to 100`.",
    "Under annual volume a rate becomes a year: `100/month` is 1,200, `250/quarter` 1,000, `20/week` 1,040; under",
    "quantity a rate other than per year is reported (it is not the quantity of one order). A number that reads",
    "two ways (`1.000`, `2.500`: a decimal point or a thousands point) is reported with both readings and counted",
    "as unknown, as is a count that is not a whole number (`10.5`) and a negative one. A quantity that cannot be",
    "read is not given: with a blank goal cell the annual volume then decides an unstated goal.",
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
