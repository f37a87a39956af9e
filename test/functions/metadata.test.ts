/* The functions.json that the build generates from the JSDoc in src/functions/functions.ts. */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, distText, ensureDist } from "./dist";

interface Parameter {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly Parameter[];
  readonly options?: Readonly<Record<string, unknown>>;
  readonly result: { readonly dimensionality?: string; readonly type?: string };
}

/** The row functions and the options each takes between headers and the thresholds; every one ends with mapping. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  READINESS_STAGE: [],
  READINESS_SCORE: [],
  READINESS_PROGRESS: [],
  READINESS_NEXT_STEP: [],
  READINESS_BLOCKERS: ["asColumns"],
  READINESS_MISSING: ["asColumns"],
  READINESS_WARNINGS: ["asColumns"],
  READINESS_REPORT: ["withHeaders"],
  READINESS_ASSEMBLY: ["withHeaders"],
};

let functions: readonly FunctionMetadata[] = [];
let help = "";

beforeAll(() => {
  ensureDist();
  functions = (JSON.parse(distText("functions.json")) as { functions: FunctionMetadata[] }).functions;
  help = distText("help.html");
});

const byId = (id: string): FunctionMetadata => {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is not in functions.json`);
  return f;
};

describe("dist/functions.json", () => {
  it("defines exactly the Part Readiness functions, named as their ids (no placeholder left)", () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...Object.keys(EXPECTED), "READINESS_COLUMNS", "READINESS_CRITERIA"].sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^READINESS_[A-Z_]+$/);
    }
  });

  it.each(Object.entries(EXPECTED))("%s takes criteria and headers as matrices, then optional scalars, then the optional mapping matrix", (id, options) => {
    const f = byId(id);
    expect(f.parameters.map((p) => p.name)).toEqual(["criteria", "headers", ...options, "prototypeQuantity", "lowVolumeQuantity", "mapping"]);
    const [criteria, headers, ...others] = f.parameters;
    const mapping = others.pop();
    expect(criteria).toMatchObject({ dimensionality: "matrix", type: "any" });
    expect(criteria?.optional).toBeUndefined();
    expect(headers).toMatchObject({ dimensionality: "matrix", type: "any", optional: true });
    expect(mapping).toMatchObject({ dimensionality: "matrix", type: "any", optional: true });
    for (const p of others) {
      expect(p.optional, p.name).toBe(true);
      expect(p.dimensionality, p.name).toBeUndefined();
      // "any", so that blanks, text like "1,000" and wrong values reach the function and get its own message.
      expect(p.type, p.name).toBe("any");
    }
  });

  it("READINESS_COLUMNS takes headers, then optional criteria and mapping, all matrices, and asks Excel where its arguments are", () => {
    const f = byId("READINESS_COLUMNS") as FunctionMetadata & { options?: Record<string, unknown> };
    expect(f.parameters.map((p) => [p.name, p.dimensionality, p.type, p.optional ?? false])).toEqual([
      ["headers", "matrix", "any", false],
      ["criteria", "matrix", "any", true],
      ["mapping", "matrix", "any", true],
    ]);
    expect(f.options).toEqual({ requiresParameterAddresses: true });
  });

  it("READINESS_CRITERIA takes no arguments", () => {
    expect(byId("READINESS_CRITERIA").parameters).toEqual([]);
  });

  it("every function spills a matrix", () => {
    for (const f of functions) expect(f.result.dimensionality, f.id).toBe("matrix");
  });

  // Microsoft's guidance for the shared runtime: synchronous functions that recalculate when their arguments change.
  it("no function is volatile, streaming or cancelable; only READINESS_COLUMNS asks for parameter addresses (CustomFunctionsRuntime 1.3, optional)", () => {
    for (const f of functions) {
      const { requiresParameterAddresses, ...rest } = f.options ?? {};
      expect([f.id, rest]).toEqual([f.id, {}]);
      expect([f.id, requiresParameterAddresses === true]).toEqual([f.id, f.id === "READINESS_COLUMNS"]);
    }
  });

  it("a function that mixes numbers with empty cells returns any; the others return strings", () => {
    const mixed = ["READINESS_SCORE", "READINESS_PROGRESS", "READINESS_REPORT"];
    for (const f of functions) expect([f.id, f.result.type ?? "any"]).toEqual([f.id, mixed.includes(f.id) ? "any" : "string"]);
  });

  it("every function and parameter is described", () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0, f.id).toBeGreaterThan(30);
      for (const p of f.parameters) expect(p.description?.length ?? 0, `${f.id} ${p.name}`).toBeGreaterThan(20);
    }
  });

  it("every function has a help URL into the built help page, which documents it", () => {
    for (const f of functions) {
      expect(f.helpUrl, f.id).toMatch(new RegExp(`^https://[^#]+/help\\.html#${f.id}$`));
      // The production build minifies HTML, which may drop attribute quotes.
      expect(help).toMatch(new RegExp(`<section id="?${f.id}"?>`));
      expect(help).toContain(`=${f.id}(`);
      for (const p of f.parameters) expect(help).toContain(`<code>${p.name}</code>`);
    }
  });
});

describe("metadata generated from src/functions/functions.ts", () => {
  it("has no errors (the webpack build would fail on any) and is what dist/ holds, up to the host in the help links", async () => {
    const generated = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], false);
    expect(generated.errors).toEqual([]);
    const source = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
    const withoutHost = (fs: readonly FunctionMetadata[]): unknown[] =>
      fs.map((f) => ({ ...f, helpUrl: f.helpUrl?.replace(/^https:\/\/[^#]+\/help\.html/, "help.html") }));
    expect(withoutHost(functions)).toEqual(withoutHost(source));
    expect(generated.associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("reports a parameter type Excel cannot take, which fails the build", async () => {
    const bad = path.join(ROOT, "test/functions/fixtures/bad-metadata.ts");
    const generated = await generateCustomFunctionsMetadata([bad], false);
    expect(generated.errors.join("\n")).toMatch(/does not support type "PartRow"/);
  });
});
