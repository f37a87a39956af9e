/** The criteria command: what each criterion means, which headers name it and which values it accepts. */
import { GATE_A_LEVELS, GENERIC_ACCEPTED, UNKNOWN_WORDS, criteriaCatalog, type CriterionEntry } from "../core";
import { stringOption, type ParsedArgs } from "./args";
import { CRITERIA_FORMATS, type CriteriaFormat } from "./commands";
import { writeOut, type CliIo } from "./io";

const GATE_A: ReadonlySet<string> = new Set([...GATE_A_LEVELS, "goal"]);

function gateOf(entry: CriterionEntry): string {
  if (entry.id === "quantity" || entry.id === "annual_volume") return "information (goal inferred from it)";
  return GATE_A.has(entry.id) ? "prototyping -> low-volume and low-volume -> mass production" : "low-volume -> mass production";
}

export function criteriaText(): string {
  const lines: string[] = ["Criteria read by part-readiness (a column per criterion, in any order):", ""];
  for (const entry of criteriaCatalog()) {
    lines.push(`${entry.label} [${entry.id}]: ${entry.description}`);
    lines.push(`  gate:     ${gateOf(entry)}`);
    lines.push(`  headers:  ${entry.headers.join(", ")}`);
    lines.push(`  accepts:  ${entry.accepted}`);
    lines.push("");
  }
  lines.push(`Every level criterion: ${GENERIC_ACCEPTED}.`);
  lines.push('Headers match ignoring case, punctuation and repeated spaces; a bracketed aside is ignored ("Qty (pcs)" is Qty).');
  return `${lines.join("\n")}\n`;
}

const cell = (text: string): string => text.replace(/\|/gu, "\\|").replace(/\r?\n/gu, " ");

export function criteriaMarkdown(): string {
  const lines = ["| id | criterion | gate | headers | accepted values |", "|---|---|---|---|---|"];
  for (const e of criteriaCatalog())
    lines.push(`| \`${e.id}\` | ${cell(`${e.label}: ${e.description}`)} | ${cell(gateOf(e))} | ${cell(e.headers.join(", "))} | ${cell(e.accepted)} |`);
  lines.push("", `Every level criterion: ${cell(GENERIC_ACCEPTED)}.`);
  return `${lines.join("\n")}\n`;
}

export function criteriaJson(): string {
  const criteria = criteriaCatalog().map((e) => ({ ...e, gate: gateOf(e) }));
  return `${JSON.stringify({ criteria, generic: GENERIC_ACCEPTED, unknown: UNKNOWN_WORDS.filter((w) => w !== "") }, null, 2)}\n`;
}

export async function runCriteria(args: ParsedArgs, io: CliIo): Promise<number> {
  const format: CriteriaFormat = CRITERIA_FORMATS.find((f) => f === stringOption(args.options, "format")) ?? "text";
  await writeOut(io.stdout, format === "json" ? criteriaJson() : format === "md" ? criteriaMarkdown() : criteriaText());
  return 0;
}
