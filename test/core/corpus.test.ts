/**
 * The real-world reading corpus (test/core/corpus/): headers and cell phrases
 * from PPAP/APQP trackers, NPI checklists and ERP/PLM exports, each with the
 * reading an experienced engineer gives it. Precision before recall: no
 * reading may be above the engineer's.
 */
import { describe, expect, it } from "vitest";
import { mapHeaders, readCount, readGoal, readHeader, readLevel, rowReader } from "../../src/core";
import { CRITERION_HEADERS, IGNORED_HEADERS, ROLE_HEADERS } from "./corpus/headers";
import { HOLDOUT_HEADERS, HOLDOUT_IGNORED, HOLDOUT_PHRASES } from "./corpus/holdout";
import { PHRASES } from "./corpus/phrases";
import { headerCriterion, promotes, readCase } from "./corpus/read-case";

describe("corpus size", () => {
  it("holds at least 200 criterion headers, 60 ignored headers and 500 phrases over all 14 criteria", () => {
    expect(CRITERION_HEADERS.length).toBeGreaterThanOrEqual(200);
    expect(IGNORED_HEADERS.length).toBeGreaterThanOrEqual(60);
    expect(PHRASES.length).toBeGreaterThanOrEqual(500);
    expect(new Set(CRITERION_HEADERS.map((h) => h.criterion)).size).toBe(14);
    expect(new Set(PHRASES.map((p) => p.criterion)).size).toBe(14);
  });
});

describe("criterion headers from real sheets", () => {
  it.each(CRITERION_HEADERS.map((h) => [h.header, h.criterion, h.source] as const))("%j is %s (%s)", (header, criterion) => {
    expect(headerCriterion(header)).toBe(criterion);
  });
});

describe("headers read beside the criteria (structure, waivers, evidence)", () => {
  it.each(ROLE_HEADERS.map((h) => [h.header, h.reads, h.source] as const))("%j is %s (%s)", (header, reads) => {
    const r = readHeader(header);
    expect(r.kind === "role" ? r.role : r.kind === "evidence" ? `evidence:${r.criterion}` : r.kind).toBe(reads);
  });

  it("none of the ignored headers is read as one, but those that name the structure", () => {
    const structure = new Set(["BOM Level", "Where Used"]);
    const read = IGNORED_HEADERS.filter((h) => !structure.has(h.header) && ["role", "evidence"].includes(readHeader(h.header).kind));
    expect(read.map((h) => h.header)).toEqual([]);
  });
});

describe("headers that must stay ignored", () => {
  it.each(IGNORED_HEADERS.map((h) => [h.header, h.why] as const))("%j is not read (%s)", (header) => {
    expect(headerCriterion(header)).toBeUndefined();
  });
});

describe("cell phrases from real sheets", () => {
  it.each(PHRASES.map((p) => [p.criterion, p.text, p.header ?? "", p.expect, p] as const))("%s: %j under %j is %s", (_c, _t, _h, expected, c) => {
    const read = readCase(c);
    expect(read.reading, read.problem).toBe(expected);
  });

  it("never reads a phrase above the engineer's reading (no false promotion)", () => {
    const promoted = PHRASES.filter((c) => promotes(c.expect, readCase(c).reading)).map((c) => `${c.criterion}: ${c.text}`);
    expect(promoted).toEqual([]);
  });

  it("reports every phrase it reads as unknown without being told it is unknown (never silent)", () => {
    const silent = PHRASES.filter((c) => {
      const read = readCase(c);
      return (
        read.reading === "unknown" &&
        read.problem === undefined &&
        !/^\s*(?:n\/?a|tbd|tbc|\?+|-+|unknown|not known|not applicable|)\s*$/iu.test(c.text) &&
        !(c.header === "Supplier" || c.header === "Vendor")
      );
    });
    expect(silent.map((c) => `${c.criterion}: ${c.text}`)).toEqual([]);
  });
});

describe("the cases the issue names", () => {
  const allMet = ["frozen", "verified", "locked", "confirmed", "reviewed", "done", "validated", "stable", "qualified", "defined", "quoted"];
  const levelHeaders = [
    "Design",
    "Function",
    "Material status",
    "Finish status",
    "Tolerances",
    "DFM",
    "Pilot",
    "Demand",
    "Supplier capability",
    "Inspection",
    "Cost",
  ];

  it.each(["Prototype build", "Proto", "EVT", "DV build", "Proof of concept", "Feasibility", "Lab test", "Fit check"])(
    "a learning goal (%j) with a quantity of 20 and every criterion met stays in prototyping",
    (goal) => {
      const reader = rowReader(mapHeaders([...levelHeaders, "Goal", "Quantity"]));
      expect(reader.assess([...allMet, goal, 20]).stage).toBe("prototyping");
    },
  );

  it.each(["Pilot run", "Pre-series", "Series production", "SOP", "Ramp-up", "Customer samples", "Spares"])("%j is a delivering goal", (goal) => {
    expect(readGoal(goal)).toEqual({ ok: true, value: "delivering" });
  });

  it("a goal that reads both ways is unknown and names both readings; quantity does not stand in for it", () => {
    const read = readGoal("Prototype for pilot line");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue.message).toMatch(/learning \("prototype"\).*delivering \("pilot/u);
    const reader = rowReader(mapHeaders(["Design", "Function", "Material", "Finish", "Goal", "Qty"]));
    const a = reader.assess(["frozen", "ok", "locked", "confirmed", "Prototype for pilot line", 500]);
    expect(a.stage).toBe("prototyping");
    expect(a.missing.map((m) => m.criterion)).toContain("goal");
  });

  it("a Supplier column of names loses to a Supplier Status column of statuses: 3 of 3 parts reach mass production", () => {
    const header = [...levelHeaders.filter((h) => h !== "Supplier capability"), "Supplier", "Supplier Status", "Goal"];
    const rows = ["Acme CNC", "Bolt & Co", "Precision Parts Ltd"].map((name) => [...allMet.filter((_, i) => i !== 8), name, "Qualified", "Series production"]);
    const reader = rowReader(mapHeaders(header, { sample: rows }));
    expect(rows.map((r) => reader.assess(r).stage)).toEqual(["mass-production", "mass-production", "mass-production"]);
  });

  it("a part of TBDs is a prototyping part with every gate-A item missing", () => {
    const reader = rowReader(mapHeaders(["Part", "Design", "Function", "Material", "Finish", "Goal"]));
    const a = reader.assess(["P-1", "TBD", "TBD", "TBD", "TBD", "TBD"]);
    expect(a.stage).toBe("prototyping");
    expect(a.missing.map((m) => m.criterion)).toEqual(["design", "function", "material", "finish", "goal"]);
  });

  it('"1.000" reads two ways: unknown, and the problem gives both readings', () => {
    const read = readCount("quantity", "1.000");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue.message).toMatch(/1 or as 1,000/u);
  });

  it("0.85 under Piece price is a known price, not 85 % understood; under Cost understood it is partial", () => {
    const price = mapHeaders(["Piece price"]).columns[0];
    expect(readLevel("cost", 0.85, false, price?.price)).toEqual({ ok: true, value: "met" });
    const status = mapHeaders(["Cost understood"]).columns[0];
    expect(readLevel("cost", 0.85, false, status?.price)).toEqual({ ok: true, value: "partial" });
  });

  it.each([
    ["Not confirmed", "not-met"],
    ["Not decided", "not-met"],
    ["Failed salt spray", "not-met"],
    ["Locked: 6061-T6", "met"],
    ["6061-T6 (confirmed)", "met"],
    ["Black or clear anodize", "partial"],
    ["6061-T6", "partial"],
  ] as const)("under a bare Material or Finish header %j is %s", (text, level) => {
    expect(readLevel("material", text, true)).toEqual({ ok: true, value: level });
    expect(readLevel("finish", text, true)).toEqual({ ok: true, value: level });
  });
});

/**
 * A second corpus written after the reader, from other sources (aerospace FAI,
 * medical design transfer, consumer-electronics NPI, German/English BOMs), to
 * see how the reader does on wording it was not built from. docs/reading.md
 * gives its first, blind score. The cases it still reads differently are listed
 * here with the reason they are left so; none of them is a promotion.
 */
const HOLDOUT_KNOWN_MISSES: ReadonlyMap<string, string> = new Map([
  ["Stock Material", '"stock" usually means inventory in a part list; one header is not worth the risk'],
  ["Order Type (one-off / repeat)", 'the bracket lists the values; "Order type" alone is too broad to read'],
  ["Potential Analysis (VDA 6.3)", "an audit name, not a supplier-status word"],
  ["Parts Required For", '"parts required" reads as a quantity header; the trailing "for" rules it out, so it is not read at all'],
  ["cost: Quoted, awaiting negotiation", 'a met word with "awaiting" reads partial: the conservative side'],
]);

describe("holdout corpus", () => {
  it("holds at least 80 headers, 40 ignored headers and 200 phrases", () => {
    expect(HOLDOUT_HEADERS.length).toBeGreaterThanOrEqual(80);
    expect(HOLDOUT_IGNORED.length).toBeGreaterThanOrEqual(40);
    expect(HOLDOUT_PHRASES.length).toBeGreaterThanOrEqual(200);
  });

  it.each(HOLDOUT_HEADERS.filter((h) => !HOLDOUT_KNOWN_MISSES.has(h.header)).map((h) => [h.header, h.criterion] as const))("%j is %s", (header, criterion) => {
    expect(headerCriterion(header)).toBe(criterion);
  });

  it.each(HOLDOUT_IGNORED.map((h) => [h.header, h.why] as const))("%j is not read (%s)", (header) => {
    expect(headerCriterion(header)).toBeUndefined();
  });

  it.each(
    HOLDOUT_PHRASES.filter((p) => !HOLDOUT_KNOWN_MISSES.has(`${p.criterion}: ${p.text}`)).map(
      (p) => [p.criterion, p.text, p.header ?? "", p.expect, p] as const,
    ),
  )("%s: %j under %j is %s", (_c, _t, _h, expected, c) => {
    const read = readCase(c);
    expect(read.reading, read.problem).toBe(expected);
  });

  it("the known misses are still misses (a fix must update the list) and none is a promotion", () => {
    for (const h of HOLDOUT_HEADERS.filter((x) => HOLDOUT_KNOWN_MISSES.has(x.header))) expect(headerCriterion(h.header), h.header).not.toBe(h.criterion);
    for (const c of HOLDOUT_PHRASES.filter((x) => HOLDOUT_KNOWN_MISSES.has(`${x.criterion}: ${x.text}`))) {
      const read = readCase(c).reading;
      expect(read, c.text).not.toBe(c.expect);
      expect(promotes(c.expect, read), c.text).toBe(false);
    }
  });
});
