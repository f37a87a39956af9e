import type { CommandDef, OptionDef } from "./args";
import { COMMANDS } from "./commands";

function optionLabel(o: OptionDef): string {
  const long = `--${o.negatable === true ? `[no-]${o.name}` : o.name}${o.kind === "boolean" ? "" : ` ${o.value ?? "VALUE"}`}`;
  return o.short === undefined ? `    ${long}` : `-${o.short}, ${long}`;
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function usageLine(def: CommandDef): string {
  const positionals = def.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(" ");
  return `part-readiness ${def.name}${positionals === "" ? "" : ` ${positionals}`} [options]`;
}

export function commandHelp(def: CommandDef): string {
  const lines = [`Usage: ${usageLine(def)}`, "", `${def.summary.charAt(0).toUpperCase()}${def.summary.slice(1)}.`, ""];
  if (def.positionals.length > 0) lines.push("Arguments:", ...table(def.positionals.map((p) => [p.name, p.description] as const)), "");
  lines.push("Options:", ...table([...def.options.map((o) => [optionLabel(o), o.description] as const), ["-h, --help", "show this help"]]), "");
  for (const paragraph of def.details ?? []) lines.push(paragraph, "");
  if (def.examples !== undefined && def.examples.length > 0) lines.push("Examples:", ...def.examples.map((e) => `  ${e}`), "");
  lines.push("Exit codes: 0 done, 1 wrong usage, 2 a file that cannot be read or written.");
  return `${lines.join("\n")}\n`;
}

export function programHelp(version: string): string {
  const lines = [
    `part-readiness ${version}: is each part ready for prototyping, low-volume manufacturing or mass production?`,
    "",
    "Usage: part-readiness <command> [options]",
    "",
    "Commands:",
    ...table(COMMANDS.map((c) => [c.name, c.summary] as const)),
    "",
    "Options:",
    ...table([
      ["-h, --help", "show help (also: part-readiness <command> --help)"],
      ["-v, --version", "print the version"],
    ]),
    "",
    "Examples:",
    "  part-readiness template",
    "  part-readiness classify bill-of-parts.xlsx",
    "  part-readiness criteria --format md",
    "",
    "Exit codes: 0 done, 1 wrong usage, 2 a file that cannot be read or written.",
  ];
  return `${lines.join("\n")}\n`;
}
