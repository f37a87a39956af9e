/**
 * Evidence columns. Headers from PPAP element lists and trackers (AIAG PPAP
 * 4th ed.: Design Records, Dimensional Results, Material / Performance Test
 * Results; "PSW", "FAI report" in AS9102 trackers; "DFM report" in supplier
 * DFM feedback trackers; "Test report" in DVP&R summaries), and link forms
 * seen in PLM/SharePoint exports (https links, mapped drives, UNC shares).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAssemblies,
  checklist,
  columnReport,
  columnReportText,
  gateReviewRecord,
  isSafeLink,
  linkKind,
  mapHeaders,
  metWithoutEvidenceText,
  readHeader,
  rowReader,
  type CriterionId,
} from "../../src/core";

describe("evidence headers", () => {
  it.each([
    ["Design evidence", "design"],
    ["DFM report", "dfm"],
    ["PPAP link", "supplier"],
    ["FAI report", "inspection"],
    ["Test report", "function"],
    ["Drawing file", "design"],
    ["Material cert", "material"],
    ["Mill certificate", "material"],
    ["Salt spray report", "finish"],
    ["Pilot run report", "pilot"],
    ["Quote link", "cost"],
    ["Control plan document", "inspection"],
    ["Supplier audit report", "supplier"],
    ["Dimensional report", "inspection"],
    ["PSW link", "supplier"],
  ] as const)("%j is evidence for %s", (header, criterion: CriterionId) => {
    expect(readHeader(header)).toMatchObject({ kind: "evidence", criterion });
  });

  it.each(["DFM report status", "FAIR Status"])("%j with a status word stays a status column", (header) => {
    expect(readHeader(header).kind).toBe("criterion");
  });

  it.each(["Reference designator", "Document number", "Link", "Drawing number", "Supplier name", "Report date", "Comments", "DFM report owner"])(
    "%j is neither evidence nor a criterion",
    (header) => {
      expect(["ignored", "part"]).toContain(readHeader(header).kind);
    },
  );
});

describe("linkKind", () => {
  it.each([
    ["https://plm.example.com/dfm/P-100.pdf", "https"],
    ["HTTPS://Example.com", "https"],
    ["https://sharepoint.example.com/sites/q/FAI%20P-100.pdf?web=1", "https"],
    ["C:\\Reports\\DFM P-100.pdf", "file"],
    ["\\\\fileserver\\quality\\FAI\\P-100.pdf", "file"],
    ["/srv/ppap/P-100.pdf", "file"],
    ["file:///C:/x.pdf", "file"],
    ["http://intranet/dfm.pdf", "text"],
    ["javascript:alert(1)", "text"],
    ["//evil.example.com/x", "text"],
    ["see https://x.example.com", "text"],
    ["DFM-2024-031", "text"],
    ["https://x.example.com/a b", "text"],
    ['https://x.example.com/"onmouseover=alert(1)', "text"],
    ["data:text/html,<script>", "text"],
    ["https://x.example.com/<script>", "text"],
    ["C:\\x\n<script>", "text"],
    ["", "text"],
    ["vbscript:msgbox", "text"],
  ] as const)("%j is %s", (text, kind) => {
    expect(linkKind(text)).toBe(kind);
  });

  it("a safe link never holds a quote, an angle bracket or a control character, and never starts with another scheme", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom("", "https://", "file://", "C:\\", "\\\\srv\\", "/", "javascript:", "http://"),
        (tail, head) => {
          const text = head + tail;
          if (!isSafeLink(text)) return;
          expect(text.trim()).not.toMatch(/["<>\p{Cc}]/u);
          expect(text.trim()).toMatch(/^(?:https:\/\/|file:\/\/|[A-Za-z]:\\|\\\\|\/(?![/\\]))/iu);
        },
      ),
    );
  });
});

const HEADERS = ["Part", "Design", "Design evidence", "Function", "Material", "Finish", "DFM", "DFM report", "Goal", "Qty"];

describe("evidence in a row", () => {
  const mapping = mapHeaders(HEADERS);
  const reader = rowReader(mapping);

  it("carries each criterion's evidence, says whether it is a link, and lists met criteria without evidence", () => {
    const a = reader.assess(["P-1", "Frozen", "https://plm.example.com/P-1/rev-C", "Verified", "Locked", "Confirmed", "Done", "", "Pilot", 50]);
    expect(a.evidence).toEqual([{ criterion: "design", text: "https://plm.example.com/P-1/rev-C", header: "Design evidence", link: "https" }]);
    expect(a.metWithoutEvidence).toEqual(["function", "material", "finish", "dfm"]);
    expect(metWithoutEvidenceText(a)).toBe("Function and fit; Material; Surface finish; DFM");
  });

  it("evidence never changes the stage, score, blockers or missing items", () => {
    const cells = fc.constantFrom("Frozen", "Verified", "Partial", "No", "", "TBD", "Done", "Locked");
    fc.assert(
      fc.property(fc.array(cells, { minLength: 5, maxLength: 5 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (c, e1, e2) => {
        const row = ["P", c[0], e1, c[1], c[2], c[3], c[4], e2, "Pilot", 50];
        const bare = ["P", c[0], "", c[1], c[2], c[3], c[4], "", "Pilot", 50];
        const a = reader.assess(row);
        const b = reader.assess(bare);
        expect([a.stage, a.score, a.progress, a.blockers, a.missing, a.nextStep]).toEqual([b.stage, b.score, b.progress, b.blockers, b.missing, b.nextStep]);
      }),
    );
  });

  it("the review checklist shows each criterion's evidence and a waiver's justification beside it", () => {
    const m = mapHeaders([...HEADERS, "Deviation"]);
    const r = rowReader(m);
    const row = [
      "P-1",
      "Frozen",
      "\\\\plm\\released\\P-1.pdf",
      "Waived: carry-over of P-0",
      "Locked",
      "Confirmed",
      "Done",
      "DFM-031",
      "Pilot",
      50,
      "Deviation D-12 approved by customer",
    ];
    const reading = r.read(row);
    const values = Object.fromEntries(m.columns.map((c) => [c.criterion, row[c.column]]));
    const checks = checklist(values, reading, r.assess(row));
    const design = checks.find((c) => c.criterion === "design");
    expect(design?.evidence).toEqual([{ criterion: "design", text: "\\\\plm\\released\\P-1.pdf", header: "Design evidence", link: "file" }]);
    const fn = checks.find((c) => c.criterion === "function");
    expect([fn?.state, fn?.waiver, fn?.note]).toEqual(["met", "Deviation D-12 approved by customer", "Waived: Deviation D-12 approved by customer"]);
    expect(checks.find((c) => c.criterion === "dfm")?.evidence.map((e) => e.link)).toEqual(["text"]);
  });

  it("a sheet without evidence columns lists nothing as met without evidence", () => {
    const a = rowReader(mapHeaders(["Design", "Function"])).assess(["Frozen", "Verified"]);
    expect(a.metWithoutEvidence).toEqual([]);
    expect(a.evidence).toEqual([]);
  });

  it("the column report names evidence, hierarchy and justification columns and what they were read as", () => {
    const lines = columnReportText(columnReport(mapHeaders(["Part", "Lvl", "Design", "DFM report", "Waiver justification"])));
    expect(lines).toEqual([
      'A "Part" -> Part label (names the part: used to label the results)',
      'B "Lvl" -> BOM level (by the words "lvl": the bill\'s structure, 0/1/2 or .1/..2, each part under the row above it one level up)',
      'C "Design" -> Design (exact header)',
      'D "DFM report" -> Evidence: DFM (by the words "dfm" and "report": shown beside DFM, never changes a stage)',
      'E "Waiver justification" -> Waiver justification (by the words "waiver": a waived criterion counts as met only with text here)',
    ]);
  });
});

describe("gateReviewRecord", () => {
  it("gives the JSON fields of a part: waived ids and justification, evidence, met without evidence, and the assembly when given", () => {
    const reader = rowReader(mapHeaders(["Part", "Design", "Design evidence", "Function", "Material", "Finish", "Goal", "Qty", "Waiver"]));
    const a = reader.assess(["P-1", "Frozen", "https://plm.example.com/P-1", "Waived", "Locked", "Confirmed", "Pilot", 50, "Carry-over"]);
    expect(gateReviewRecord(a)).toEqual({
      waived: [{ criterion: "function", justification: "Carry-over" }],
      evidence: [{ criterion: "design", text: "https://plm.example.com/P-1", link: "https" }],
      metWithoutEvidence: ["material", "finish"],
    });
    const assemblies = buildAssemblies("level", [
      { label: "A-1", link: 0, stage: "low-volume", cell: "A2" },
      { label: "P-2", link: 1, stage: "prototyping", cell: "A3" },
    ]);
    expect(gateReviewRecord(a, assemblies.results[0])).toMatchObject({ assemblyStage: "prototyping", limitedBy: ["P-2"] });
    expect(gateReviewRecord(a, assemblies.results[1])).toMatchObject({ assemblyStage: null, limitedBy: [] });
  });
});
