import { fail, ok, type Result } from "../core";
import { usageError, type CliError } from "./errors";

export type OptionKind = "boolean" | "string" | "integer" | "choice";

export interface OptionDef {
  /** Long name, without the dashes. */
  readonly name: string;
  readonly short?: string;
  readonly kind: OptionKind;
  /** Placeholder for the value in help ("N", "FILE"). */
  readonly value?: string;
  readonly choices?: readonly string[];
  /** A boolean that also accepts --no-NAME. */
  readonly negatable?: boolean;
  /** Smallest accepted integer. */
  readonly min?: number;
  /** A string option that may be given more than once: its value is the list, in order. */
  readonly repeatable?: boolean;
  readonly description: string;
}

export interface PositionalDef {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

export interface CommandDef {
  readonly name: string;
  readonly summary: string;
  readonly positionals: readonly PositionalDef[];
  readonly options: readonly OptionDef[];
  /** Paragraphs shown under the options in --help. */
  readonly details?: readonly string[];
  readonly examples?: readonly string[];
}

export type OptionValue = string | number | boolean | readonly string[];

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, OptionValue>>;
}

const HELP_FLAGS: ReadonlySet<string> = new Set(["-h", "--help"]);

/** True when --help or -h comes before any "--". */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (HELP_FLAGS.has(arg)) return true;
  }
  return false;
}

function helpHint(def: CommandDef): string {
  return `run "part-readiness ${def.name} --help" for the options`;
}

function readValue(def: CommandDef, option: OptionDef, flag: string, raw: string): Result<OptionValue, CliError> {
  switch (option.kind) {
    case "boolean":
      return ok(true);
    case "string":
      return ok(raw);
    case "integer": {
      const text = raw.trim().replace(/[,_]/gu, "");
      const n = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < (option.min ?? 0)) {
        return fail(
          usageError(
            "bad-number",
            `${flag} takes a whole number${option.min === undefined ? "" : ` of at least ${option.min}`}, not "${raw}"; ${helpHint(def)}`,
          ),
        );
      }
      return ok(n);
    }
    case "choice": {
      const choice = raw.trim().toLowerCase();
      const choices = option.choices ?? [];
      if (!choices.includes(choice)) return fail(usageError("bad-choice", `${flag} takes one of ${choices.join(", ")}, not "${raw}"`));
      return ok(choice);
    }
  }
}

/**
 * Reads argv against a command's definition: `--name value`, `--name=value`,
 * `-x value`, `--no-name` for negatable booleans, and `--` to end the options.
 * Help flags are handled before this (see `wantsHelp`).
 */
export function parseArgs(def: CommandDef, argv: readonly string[]): Result<ParsedArgs, CliError> {
  const options: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  const byLong = new Map(def.options.map((o) => [o.name, o] as const));
  const byShort = new Map(def.options.filter((o) => o.short !== undefined).map((o) => [o.short ?? "", o] as const));
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    let option: OptionDef | undefined;
    let inline: string | undefined;
    let flag: string;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      flag = `--${name}`;
      option = byLong.get(name);
      if (option === undefined && name.startsWith("no-")) {
        const negated = byLong.get(name.slice(3));
        if (negated?.negatable === true) {
          if (inline !== undefined) return fail(usageError("unexpected-argument", `${flag} takes no value; ${helpHint(def)}`));
          options[negated.name] = false;
          continue;
        }
      }
    } else {
      flag = arg.slice(0, 2);
      option = byShort.get(arg.slice(1, 2));
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/u, "");
    }
    if (option === undefined) return fail(usageError("unknown-option", `unknown option "${flag}" for ${def.name}; ${helpHint(def)}`));
    if (option.kind === "boolean") {
      if (inline !== undefined) return fail(usageError("unexpected-argument", `${flag} takes no value; ${helpHint(def)}`));
      options[option.name] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-" && !/^-\d/u.test(next))) {
        return fail(usageError("missing-value", `${flag} needs a value (${option.value ?? "a value"}); ${helpHint(def)}`));
      }
      raw = next;
      i += 1;
    }
    const value = readValue(def, option, flag, raw);
    if (!value.ok) return value;
    if (option.repeatable === true) {
      const before = options[option.name];
      options[option.name] = [...(Array.isArray(before) ? (before as readonly string[]) : []), String(value.value)];
    } else options[option.name] = value.value;
  }

  const required = def.positionals.filter((p) => p.required);
  if (positionals.length < required.length) {
    const missing = required[positionals.length];
    return fail(usageError("missing-argument", `${def.name} needs ${missing?.name ?? "an argument"} (${missing?.description ?? ""}); ${helpHint(def)}`));
  }
  if (positionals.length > def.positionals.length) {
    return fail(usageError("unexpected-argument", `unexpected argument "${positionals[def.positionals.length] ?? ""}" for ${def.name}; ${helpHint(def)}`));
  }
  return ok({ positionals, options });
}

/** An option's value read as the kind its definition gives; another kind is a bug in the definition, not the user's mistake. */
function optionOf<T>(options: ParsedArgs["options"], name: string, kind: string, is: (v: OptionValue) => v is OptionValue & T): T | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!is(value)) throw new TypeError(`option --${name} holds ${typeof value}, not ${kind}`);
  return value;
}

export const stringOption = (options: ParsedArgs["options"], name: string): string | undefined =>
  optionOf(options, name, "a string", (v): v is string => typeof v === "string");
export const integerOption = (options: ParsedArgs["options"], name: string): number | undefined =>
  optionOf(options, name, "a number", (v): v is number => typeof v === "number");
export const flagOption = (options: ParsedArgs["options"], name: string): boolean =>
  optionOf(options, name, "a boolean", (v): v is boolean => typeof v === "boolean") ?? false;
export const listOption = (options: ParsedArgs["options"], name: string): readonly string[] =>
  optionOf(options, name, "a list", (v): v is readonly string[] => Array.isArray(v)) ?? [];
