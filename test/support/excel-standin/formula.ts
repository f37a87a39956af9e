/*
 * A small formula evaluator for the stand-in, enough to watch what a pane's
 * writes do to the formulas that depend on them and to spill dynamic arrays:
 * numbers, "text", TRUE/FALSE, references (A1, $A$1, A1:B9, A:A, 2:2, with
 * Sheet! or 'My sheet'!), + - * / & and comparisons, and the functions SUM,
 * COUNTA, COUNTIF (equality, case ignored), IF and SEQUENCE. A reference to
 * more than one cell, or SEQUENCE, gives an array, which spills from its cell.
 * A formula it cannot read or a function it does not know gives "" (custom
 * functions such as READINESS_STAGE are not calculated here).
 */
import { parseRect, splitSheet, type Rect } from "./address";

export type Scalar = string | number | boolean;
export type Matrix = Scalar[][];
export interface Reference {
  readonly sheet: string | undefined;
  readonly rect: Rect;
}
type Value = Scalar | Matrix | { readonly ref: Reference };

/** How the evaluator reads cells: the sheet named (or the formula's own sheet) and the used part of a rectangle. */
export interface CellSource {
  value(sheet: string | undefined, row: number, column: number): Scalar;
  /** The part of the rectangle that can hold anything (whole columns are cut to the used rows). */
  bounded(sheet: string | undefined, rect: Rect): Rect | undefined;
}

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: Reference } | { t: "name"; v: string } | { t: "op"; v: string };

const REF =
  /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(])/u;

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    const rest = text.slice(i);
    const ref = REF.exec(rest);
    if (ref) {
      const { sheet, local } = splitSheet(ref[0]);
      const rect = parseRect(local.replace(/\$/gu, ""));
      if (!rect) return undefined;
      out.push({ t: "ref", v: { sheet, rect } });
      i += ref[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/u.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (; j < text.length; j += 1) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            s += '"';
            j += 1;
          } else break;
        } else s += text[j];
      }
      if (j >= text.length) return undefined;
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/u.exec(rest);
    if (name) {
      out.push({ t: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>(),])/u.exec(rest);
    if (!op) return undefined;
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

class Unreadable extends Error {}

const isMatrix = (v: Value): v is Matrix => Array.isArray(v);
const isRef = (v: Value): v is { readonly ref: Reference } => typeof v === "object" && !Array.isArray(v);
const isError = (v: unknown): v is string => typeof v === "string" && /^#[A-Z0-9/_]+[!?A]$/u.test(v);

/** Evaluates `formula` (with its "="); a Matrix result spills. */
export function evaluate(formula: string, cells: CellSource): Scalar | Matrix {
  const tokens = tokenize(formula.replace(/^=/u, ""));
  if (!tokens || tokens.length === 0) return "";
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const take = (): Token => {
    const t = tokens[at];
    if (!t) throw new Unreadable();
    at += 1;
    return t;
  };
  const expectOp = (v: string): void => {
    const t = take();
    if (t.t !== "op" || t.v !== v) throw new Unreadable();
  };

  const grid = (v: Value): Matrix => {
    if (isMatrix(v)) return v;
    if (isRef(v)) {
      const rect = cells.bounded(v.ref.sheet, v.ref.rect);
      if (!rect) return [];
      return Array.from({ length: rect.rows }, (_, r) =>
        Array.from({ length: rect.columns }, (_, c) => cells.value(v.ref.sheet, rect.row + r, rect.column + c)),
      );
    }
    return [[v]];
  };
  const scalar = (v: Value): Scalar => {
    if (isRef(v)) {
      if (v.ref.rect.rows === 1 && v.ref.rect.columns === 1) return cells.value(v.ref.sheet, v.ref.rect.row, v.ref.rect.column);
      return "#VALUE!";
    }
    if (isMatrix(v)) return v[0]?.[0] ?? "";
    return v;
  };
  const number = (s: Scalar): number | string => {
    if (isError(s)) return s;
    if (typeof s === "number") return s;
    if (typeof s === "boolean") return s ? 1 : 0;
    if (s === "") return 0;
    const n = Number(s);
    return Number.isFinite(n) ? n : "#VALUE!";
  };

  const call = (name: string, args: Value[]): Value => {
    switch (name) {
      case "SUM": {
        let total = 0;
        for (const a of args) {
          for (const v of grid(a).flat()) {
            if (isError(v)) return v;
            if (typeof v === "number") total += v;
          }
        }
        return total;
      }
      case "COUNTA":
        return args.reduce<number>(
          (n, a) =>
            n +
            grid(a)
              .flat()
              .filter((v) => v !== "").length,
          0,
        );
      case "COUNTIF": {
        const [range, criterion] = args;
        if (range === undefined || criterion === undefined) throw new Unreadable();
        const want = scalar(criterion);
        const key = typeof want === "string" ? want.toLowerCase() : want;
        return grid(range)
          .flat()
          .filter((v) => (typeof v === "string" ? v.toLowerCase() : v) === key).length;
      }
      case "IF": {
        const [test, yes = true, no = false] = args;
        if (test === undefined) throw new Unreadable();
        const t = scalar(test);
        if (isError(t)) return t;
        return t === true || (typeof t === "number" && t !== 0) ? yes : no;
      }
      case "SEQUENCE": {
        const [rows, columns = 1, start = 1, step = 1] = args.map((a) => number(scalar(a)));
        if ([rows, columns, start, step].some((x) => typeof x !== "number")) return "#VALUE!";
        const [r, c, s, d] = [rows, columns, start, step] as number[];
        if (r === undefined || c === undefined || s === undefined || d === undefined || r < 1 || c < 1) return "#CALC!";
        return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => s + d * (i * c + j)));
      }
      default:
        throw new Unreadable();
    }
  };

  const primary = (): Value => {
    const t = take();
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v;
    if (t.t === "ref") return { ref: t.v };
    if (t.t === "op" && t.v === "(") {
      const v = comparison();
      expectOp(")");
      return v;
    }
    if (t.t === "op" && (t.v === "-" || t.v === "+")) {
      const v = number(scalar(primary()));
      return typeof v === "string" ? v : t.v === "-" ? -v : v;
    }
    if (t.t === "name") {
      if (t.v === "TRUE" || t.v === "FALSE") return t.v === "TRUE";
      const next = peek();
      if (next?.t !== "op" || next.v !== "(") return "#NAME?";
      take();
      const args: Value[] = [];
      if (!(peek()?.t === "op" && peek()?.v === ")")) {
        args.push(comparison());
        while (peek()?.t === "op" && peek()?.v === ",") {
          take();
          args.push(comparison());
        }
      }
      expectOp(")");
      return call(t.v, args);
    }
    throw new Unreadable();
  };
  const arithmetic = (left: Value, op: string, right: Value): Value => {
    const a = number(scalar(left));
    const b = number(scalar(right));
    if (typeof a === "string") return a;
    if (typeof b === "string") return b;
    if (op === "*") return a * b;
    if (op === "/") return b === 0 ? "#DIV/0!" : a / b;
    return op === "+" ? a + b : a - b;
  };
  const term = (): Value => {
    let v = primary();
    while (peek()?.t === "op" && (peek()?.v === "*" || peek()?.v === "/")) v = arithmetic(v, take().v as string, primary());
    return v;
  };
  const sum = (): Value => {
    let v = term();
    while (peek()?.t === "op" && (peek()?.v === "+" || peek()?.v === "-")) v = arithmetic(v, take().v as string, term());
    return v;
  };
  const concat = (): Value => {
    let v = sum();
    while (peek()?.t === "op" && peek()?.v === "&") {
      take();
      const a = scalar(v);
      const b = scalar(sum());
      v = isError(a) ? a : isError(b) ? b : `${String(a)}${String(b)}`;
    }
    return v;
  };
  function comparison(): Value {
    let v = concat();
    while (peek()?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek()?.v as string)) {
      const op = take().v as string;
      const a = scalar(v);
      const b = scalar(concat());
      const x = typeof a === "string" ? a.toLowerCase() : a;
      const y = typeof b === "string" ? b.toLowerCase() : b;
      v = op === "=" ? x === y : op === "<>" ? x !== y : op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
    }
    return v;
  }

  try {
    const result = comparison();
    if (at !== tokens.length) return "";
    if (isRef(result)) {
      const { rect } = result.ref;
      return rect.rows === 1 && rect.columns === 1 ? scalar(result) : grid(result);
    }
    if (isMatrix(result)) return result.length === 1 && result[0]?.length === 1 ? (result[0][0] ?? "") : result;
    return result;
  } catch (error) {
    if (error instanceof Unreadable) return "";
    throw error;
  }
}
