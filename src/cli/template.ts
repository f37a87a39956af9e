/** The template command: a blank bill of parts that classify understands, with dropdowns and example rows. */
import path from "node:path";
import ExcelJS from "exceljs";
import { CRITERION_DEFS, NUMBER_ACCEPTED, STAGE_PROFILES, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, criteriaCatalog, validationList } from "../core";
import { flagOption, stringOption, type ParsedArgs } from "./args";
import { outputFailure, usageError } from "./errors";
import { printLine, type CliIo } from "./io";
import { checkDestination, tempFileFor } from "./output/atomic";
import { columnLetters } from "../core";

export const DEFAULT_TEMPLATE = "bill-of-parts-template.xlsx";
export const TEMPLATE_SHEET = "Parts";
/** Rows that get the dropdowns: enough for a long bill of parts. */
export const TEMPLATE_ROWS = 2000;

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: "FFFFFFFF" } },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } },
  alignment: { vertical: "middle", wrapText: true },
};

export function templateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "part-readiness";
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const example of TEMPLATE_EXAMPLES) sheet.addRow([...example.cells].map((v) => (v === "" ? null : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TEMPLATE_COLUMNS.length } };

  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  TEMPLATE_COLUMNS.forEach((column, i) => {
    const id = column.criterion;
    if (id === undefined) return;
    const letter = columnLetters(i);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const def = CRITERION_DEFS[id];
    if (def.kind === "number") {
      validations.add(range, {
        type: "any",
        formulae: [],
        showInputMessage: true,
        promptTitle: def.label,
        prompt: NUMBER_ACCEPTED.slice(0, 255),
      } as unknown as ExcelJS.DataValidation);
      return;
    }
    const list = validationList(id);
    validations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.join(",")}"`],
      showInputMessage: true,
      promptTitle: def.label.slice(0, 32),
      prompt: def.description.slice(0, 255),
      showErrorMessage: true,
      errorStyle: "information",
      errorTitle: "Not in the list",
      error: "Part Readiness also understands yes/no, percentages and more words: run part-readiness criteria.",
    });
  });

  const about = workbook.addWorksheet("Criteria");
  about.columns = [
    { header: "Criterion", width: 20 },
    { header: "What it means", width: 48 },
    { header: "Column headers read as this criterion", width: 48 },
    { header: "Accepted values", width: 90 },
  ];
  about.getRow(1).eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  for (const entry of criteriaCatalog()) about.addRow([entry.label, entry.description, entry.headers.join(", "), entry.accepted]);
  about.addRow([]);
  about.addRow(["Stages", "Typical quantity", "Purpose", "Inspection"]).font = { bold: true };
  for (const profile of Object.values(STAGE_PROFILES)) about.addRow([profile.name, profile.quantity, profile.purpose, profile.inspection]);
  return workbook;
}

export async function runTemplate(args: ParsedArgs, io: CliIo): Promise<number> {
  const named = args.positionals[0];
  const option = stringOption(args.options, "output");
  if (named !== undefined && option !== undefined && named !== option) {
    throw usageError("conflicting-options", `give the workbook once: either template ${named} or template -o ${option}`);
  }
  const shown = option ?? named ?? DEFAULT_TEMPLATE;
  if (shown === "-") throw usageError("conflicting-options", "an .xlsx workbook cannot be written to stdout; give a file name");
  const destination = path.resolve(io.cwd, shown);
  checkDestination(destination, shown, { force: flagOption(args.options, "force") });
  const temp = tempFileFor(destination);
  try {
    await templateWorkbook().xlsx.writeFile(temp.path);
    await temp.commit();
  } catch (error) {
    await temp.discard();
    throw outputFailure(error, shown);
  }
  const dropdowns = TEMPLATE_COLUMNS.filter((c) => c.criterion !== undefined && CRITERION_DEFS[c.criterion].kind !== "number").length;
  printLine(
    io.stdout,
    `Wrote ${shown}: sheet "${TEMPLATE_SHEET}" with ${TEMPLATE_COLUMNS.length} columns, dropdowns on ${dropdowns} of them, ${TEMPLATE_EXAMPLES.length} example rows (one per stage); sheet "Criteria" explains each column.`,
  );
  printLine(io.stdout, `Fill in your parts, then run: part-readiness classify ${shown}`);
  return 0;
}
