import type { CommandDef } from "./args";

export const OUTPUT_FORMATS = ["xlsx", "csv", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const CRITERIA_FORMATS = ["text", "json", "md"] as const;
export type CriteriaFormat = (typeof CRITERIA_FORMATS)[number];

export const DEFAULT_MAX_WARNINGS = 20;
export const HEADER_SCAN_ROWS = 50;

export const CLASSIFY: CommandDef = {
  name: "classify",
  summary: "classify every part of a bill of parts (.xlsx or .csv) and write a copy with the results",
  positionals: [{ name: "FILE", required: true, description: "the .xlsx or .csv file to classify" }],
  options: [
    {
      name: "output",
      short: "o",
      kind: "string",
      value: "OUT",
      description: "where to write the result (default NAME.classified.xlsx, .xlsm for a macro workbook, NAME.classified.csv for a .csv input); - for stdout",
    },
    {
      name: "format",
      kind: "choice",
      value: "xlsx|csv|json",
      choices: OUTPUT_FORMATS,
      description: "output format; csv and json go to stdout unless -o is given",
    },
    { name: "sheet", kind: "string", value: "NAME", description: "the sheet to classify (default: the first sheet with a header row)" },
    { name: "header-row", kind: "integer", value: "N", min: 1, description: "the header row, counted from 1 (default: found in the first 50 rows)" },
    {
      name: "map",
      kind: "string",
      value: "HEADER=CRITERION",
      repeatable: true,
      description:
        'read the column headed HEADER as CRITERION (an id such as design or annual_volume, a label such as "Piece price", or none to ignore the column); repeat for more columns; wins over --mapping',
    },
    {
      name: "mapping",
      kind: "string",
      value: "FILE",
      description: 'a JSON file of header to criterion, e.g. {"Drawing Rev Status": "design", "Vendor": "none"}',
    },
    { name: "prototype-quantity", kind: "string", value: "N", description: "above this many parts an unstated goal counts as delivering (default 10)" },
    {
      name: "low-volume-quantity",
      kind: "string",
      value: "N",
      description: "quantity that warns about a prototyping part, annual volume under which mass production is warned about (default 1,000)",
    },
    {
      name: "compare",
      kind: "string",
      value: "PREVIOUS",
      description:
        "an earlier run's output (.xlsx, .csv or .json) to compare with: adds a Change column (↑ from, ↓ from, new) and counts parts moved up, down, new and dropped; parts are matched by their label",
    },
    { name: "force", short: "f", kind: "boolean", description: "replace OUT if it exists (never the input)" },
    {
      name: "streaming",
      kind: "boolean",
      negatable: true,
      description: "no effect, kept for scripts written for earlier versions: every .xlsx is now edited in place, whatever its size",
    },
    { name: "max-warnings", kind: "integer", value: "N", min: 0, description: "list at most N cell problems and part warnings, then a count (default 20)" },
    { name: "quiet", short: "q", kind: "boolean", description: "print nothing but errors" },
  ],
  details: [
    "The result columns Stage, Readiness score, Next step, Blockers and Missing go right of the data; a sheet classified before has its result columns rewritten. A .xlsx copy keeps the other sheets and styles and gets a Readiness summary sheet.",
    'Columns are found by their headers (exact names, then their words; values decide between two columns of one criterion). stdout and the Readiness summary sheet list every column with what it is read as and how, and the cells not understood. Where a header is read wrongly or not at all, --map or --mapping says what the column holds: CRITERION is an id or a label from "part-readiness criteria", or none; headers are matched ignoring case, punctuation and spacing.',
    "After the five results come, only where the sheet needs them: Assembly stage and Limited by (a sheet with a Level or Parent column: a part is only as ready as its weakest component), Waived (the criteria waived, with the justification, when any part has a justified waiver) and Change (with --compare). The JSON output gives assemblyStage, limitedBy, waived, evidence and change.",
    "A workbook is classified by editing its package: the classified sheet's rows are read and written one at a time, each cell copied as it was stored, and every other part of the file (other sheets, charts, pivots, macros) is copied unchanged, so memory stays flat at any size (see docs/cli.md).",
  ],
  examples: [
    "part-readiness classify parts.xlsx",
    "part-readiness classify parts.csv --format xlsx -o parts-classified.xlsx",
    "part-readiness classify parts.xlsx --sheet BOM --header-row 3 --format json > parts.json",
    'part-readiness classify parts.xlsx --map "Drawing Rev Status=design" --map "Vendor=none"',
    "part-readiness classify parts.xlsx --mapping columns.json",
    "part-readiness classify parts.xlsx --compare last-month.classified.xlsx",
  ],
};

/** The options classify and report share: how the input is read and judged. */
const READING_OPTIONS = new Set(["sheet", "header-row", "map", "mapping", "prototype-quantity", "low-volume-quantity", "compare", "max-warnings", "quiet"]);

export const REPORT: CommandDef = {
  name: "report",
  summary: "classify a bill of parts (.xlsx or .csv) and write a self-contained HTML report for a gate review, without writing the workbook",
  positionals: [{ name: "FILE", required: true, description: "the .xlsx or .csv file to classify" }],
  options: [
    { name: "output", short: "o", kind: "string", value: "OUT", description: "the HTML file to write (default NAME.report.html beside the input)" },
    ...CLASSIFY.options.filter((o) => READING_OPTIONS.has(o.name)),
    { name: "force", short: "f", kind: "boolean", description: "replace OUT if it exists (never the input)" },
  ],
  details: [
    "The report is one HTML file with no script and no network access: the stage counts as a chart, the parts closest to their next gate, the most common blockers and missing items with their parts, waivers with their justifications, assemblies held back by components, the changes since the --compare run, the evidence, how every column was read and the cells not understood. Open it in a browser and print it to PDF to hand round. Every cell text is escaped.",
  ],
  examples: ["part-readiness report parts.xlsx", "part-readiness report parts.xlsx -o review.html --compare last-month.classified.xlsx"],
};

export const TEMPLATE: CommandDef = {
  name: "template",
  summary: "write a blank bill of parts with the documented headers, dropdowns and example rows",
  positionals: [{ name: "OUT", required: false, description: "the workbook to write (default bill-of-parts-template.xlsx)" }],
  options: [
    { name: "output", short: "o", kind: "string", value: "OUT", description: "the workbook to write, as the OUT argument does" },
    { name: "force", short: "f", kind: "boolean", description: "replace OUT if it exists" },
  ],
  examples: ["part-readiness template", "part-readiness template parts.xlsx --force", "part-readiness template -o parts.xlsx"],
};

export const CRITERIA: CommandDef = {
  name: "criteria",
  summary: "list the criteria, the headers each is read from and the values each accepts",
  positionals: [],
  options: [{ name: "format", kind: "choice", value: "text|json|md", choices: CRITERIA_FORMATS, description: "text (default), json or md (a Markdown table)" }],
  examples: ["part-readiness criteria", "part-readiness criteria --format json"],
};

export const COMMANDS: readonly CommandDef[] = [CLASSIFY, REPORT, TEMPLATE, CRITERIA];
