/*
 * Writes examples/bill-of-parts.xlsx and examples/bill-of-parts.csv: a pump
 * assembly's bill of 30 parts at every stage, typed the way people type -
 * headers with units and slashes, a bare Material column with alloy names,
 * supplier company names, ticks, percentages, "1k" and "~200", "n/a", a title
 * row above the header, an unrelated Notes column. A Level column makes it an
 * indented bill: the parts are top-level (0) but for a small motor bracket
 * assembly whose damper insert is still a prototype, so the assembly is
 * limited by it; the assembly's pilot run is waived in writing, and a few
 * parts link their DFM and FAI reports (an https link, a file path, a number).
 *
 *   npx tsx examples/make-example.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

const HEADERS = [
  "Level", "Part No.", "Description", "CAD / drawing status", "Fit / function", "Material", "Finish", "Tolerance review", "DFM",
  "Pilot run", "Demand", "Supplier name", "Supplier qualified", "Inspection plan", "Cost target", "Goal", "Qty (pcs)", "Annual volume",
  "Waiver justification", "DFM report", "FAI report", "Notes",
] as const;

type Cell = string | number | null;

/** One row per top-level part, without Level and the waiver and evidence cells; null is an empty cell. */
const FLAT: readonly (readonly Cell[])[] = [
  // Mass production: everything met, repeat demand.
  ["P7-100", "Pump housing", "Released", "validated", "locked", "confirmed", "reviewed", "done", "validated", "stable", "Müller Feinmechanik GmbH", "qualified", "approved", "agreed", "production", "5,000", "60k", "drawing rev F"],
  ["P7-110", "Impeller", "frozen", "✓", "Confirmed.", "final", "Optimised", "complete", "passed", "repeat", "Shenzhen Precision Co.", "yes", "in place", "quoted", "supply", "2.5k", 30000, ""],
  ["P7-120", "Drive shaft", "FROZEN", "verified", "locked", "locked", "done", "done", "complete", "contracted", "Acme Machining", "approved", "defined", "understood", "series", 8000, "96,000", "ground + hardened"],
  ["P7-130", "Shaft seal seat", "final", "passed", "final", "confirmed", "reviewed", "Done.", "validated", "stable", "Acme Machining", "qualified", "approved", "agreed", "production", "~1200", 14000, ""],
  ["P7-140", "Bearing cap", "released", "yes", "locked", "confirmed", "yes", "yes", "yes", "stable", "Precision Parts Ltd", "✓", "yes", "yes", "production", "1k", 12000, ""],
  ["P7-150", "Motor flange", "released", "validated", "locked", "confirmed", "reviewed", "done", "validated", "stable", "Müller Feinmechanik GmbH", "qualified", "approved", "agreed", "production", 500, 800, "low yearly volume: check tooling"],
  // Low-volume manufacturing: design stable, some of gate B still open.
  ["P7-200", "Inlet cover", "stable", "validated", "6061-T6", "black anodize", "critical only", "in progress", "in progress", "forecast", "Shenzhen Precision Co.", "conditional", "draft", "estimated", "pilot", 200, "2,400", "pilot batch for customer"],
  ["P7-210", "Outlet nozzle", "Mostly stable", "50%", "AISI 316L", "passivated", "critical only", "partial", "not started", "seasonal", "Acme Machining", "partial", "draft", "estimated", "customer sampling", "~200", "", ""],
  ["P7-220", "Sensor bracket", "stable", "verified", "locked", "candidate", "reviewed", "done", "in progress", "forecast", "Precision Parts Ltd", "conditional", "defined", "quoted", "pre-production", 120, "1,500", ""],
  ["P7-230", "Cable gland plate", "minor changes", "validated", "confirmed", "mostly defined", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "market test", "50-100", "", "waiting for quality requirements"],
  ["P7-240", "Terminal box lid", "Stable.", "passed", "PA66 GF30", "mostly defined", "in review", "in progress", "partial", "unclear", "Kunststoff Nord", "unproven", "none", "not quoted", "pilot", 80, "", ""],
  ["P7-250", "Mounting foot", "stable", "validated", "locked", "zinc plated", "critical only", "done", "complete", "forecast", "Acme Machining", "qualified", "draft", "estimated", "", 400, 4000, "goal not filled in: qty says delivering"],
  ["P7-260", "Spacer ring", "frozen", "validated", "7075-T651", "clear anodize", "reviewed", "done", "validated", "forecast", "Precision Parts Ltd", "qualified", "approved", "estimated", "pilot", 300, "3,600", "demand still a forecast"],
  ["P7-270", "Cooling fin", "stable", "in progress", "candidate", "candidate", "", "", "", "", "", "", "", "", "sampling", "~60", "", "first sampling lot"],
  ["P7-280", "Lock washer", "released", "validated", "locked", "confirmed", "reviewed", "done", "validated", "stable", "Acme Machining", "qualified", "approved", "", "supply", "1,000", "12k", "price not yet quoted at volume"],
  // Prototyping: design changing, learning goal, or gate A items not met.
  ["P7-300", "Diffuser vane", "changing", "in progress", "Ti-6Al-4V", "bead blast", "open", "not started", "not started", "unclear", "", "", "", "", "validation", 5, "", "third iteration"],
  ["P7-310", "Test impeller v2", "draft", "failed", "open", "", "", "", "", "", "", "", "", "", "prototype", 3, "", "cavitation at 2,900 rpm"],
  ["P7-320", "Seal adapter", "WIP", "not started", "undecided", "undecided", "", "", "", "", "", "", "", "", "R&D", 2, "", ""],
  ["P7-330", "Pressure port", "in revision", "partial", "AISI 304", "passivated", "", "", "", "", "", "", "", "", "learning", "~4", "", ""],
  ["P7-340", "Sight glass frame", "stable", "validated", "POM-C", "", "", "", "", "", "", "", "", "", "test", 10, "", "finish not chosen yet"],
  ["P7-350", "Handle", "stable", "validated", "confirmed", "powder coat RAL 9005", "", "", "", "", "", "", "", "", "evaluation", 8, "", "ergonomics study"],
  ["P7-360", "Big batch of brackets", "changing", "in progress", "6061-T6", "black anodize", "", "", "", "", "Shenzhen Precision Co.", "", "", "", "", "5k", "", "large order while the design still changes"],
  ["P7-370", "Bypass valve body", "concept", "no", "open", "open", "no", "no", "no", "no", "", "no", "none", "no", "prototype", 1, "", ""],
  ["P7-380", "Filter cage", "stable", "✗", "AISI 316L", "passivated", "", "", "", "", "", "", "", "", "pilot", 30, "", "failed the flow test"],
  ["P7-390", "Level sensor mount", "mostly stable", "tbd", "candidate", "?", "", "", "", "", "", "", "", "", "", "", "", "test results pending"],
  ["P7-400", "Prototype manifold", "stable", "validated", "locked", "confirmed", "", "", "", "", "", "", "", "", "", 6, "", "no goal, small quantity"],
  // A bad cell and rows with nothing the rules can read.
  ["P7-410", "Coupling hub", "see drawing", "validated", "locked", "final", "", "", "", "", "", "", "", "", "sampling", 40, "", "design cell not understood"],
  ["P7-420", "Nameplate", "n/a", "n/a", "", "", "", "", "", "", "", "", "", "", "", "", "", "bought-in, nothing to judge"],
  ["P7-430", "Screw kit", "", "", "", "", "", "", "", "", "Würth", "", "", "", "", "", "", "catalogue part"],
  ["P7-440", "Gasket set", "frozen", "passed", "EPDM 70", "", "reviewed", "done", "validated", "repeat", "Dichtungstechnik AG", "approved", "approved", "agreed", "supply", "#N/A", 20000, "quantity cell shows an Excel error"],
];

/** Level 0 and the waiver and evidence cells (justification, DFM report, FAI report), put in before Notes. */
function topLevel(part: readonly Cell[], extras: readonly [Cell, Cell, Cell] = ["", "", ""]): Cell[] {
  return [0, ...part.slice(0, -1), ...extras, part[part.length - 1] ?? ""];
}

const EVIDENCE: Readonly<Record<string, readonly [Cell, Cell, Cell]>> = {
  "P7-100": ["", "https://plm.example.com/dfm/P7-100", "\\\\fileserver\\quality\\FAI\\P7-100 FAI.pdf"],
  "P7-110": ["", "DFM-2023-031", "C:\\Quality\\FAI\\P7-110.pdf"],
};

/** A small indented assembly: the bracket is ready, its damper insert still a prototype; its pilot run waived in writing. */
const ASSEMBLY: readonly (readonly Cell[])[] = [
  [0, "P7-500", "Motor bracket assembly", "released", "validated", "locked", "confirmed", "reviewed", "done", "Pilot run waived: carry-over of P7-150", "stable", "Müller Feinmechanik GmbH", "qualified", "approved", "agreed", "production", 500, 6000,
    "Same weldment and process as P7-150; 3 pilot lots passed (8D-2023-114)", "https://plm.example.com/dfm/P7-500", "", "pilot run waived"],
  [1, "P7-510", "Bracket weldment", "released", "validated", "S355 (locked)", "confirmed", "reviewed", "done", "validated", "stable", "Müller Feinmechanik GmbH", "qualified", "approved", "agreed", "production", 500, 6000, "", "", "", ""],
  [1, "P7-520", "Damper insert", "changing", "in progress", "EPDM 60", "", "", "", "", "", "", "", "", "", "validation", 10, "", "", "", "", "new shore hardness on test"],
];

const PARTS: readonly (readonly Cell[])[] = [...FLAT.map((p) => topLevel(p, EVIDENCE[String(p[0])])), ...ASSEMBLY];

const TITLE = "Bill of parts - centrifugal pump P-7 (rev 2024-03)";

async function main(): Promise<void> {
  const dir = __dirname;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "part-readiness example";
  workbook.created = new Date(Date.UTC(2024, 2, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet("Parts", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  sheet.addRow([TITLE]);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getCell(1, 1).style = { font: { bold: true, size: 14 } };
  const header = sheet.addRow([...HEADERS]);
  header.height = 32;
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
      alignment: { wrapText: true, vertical: "middle" },
      border: { bottom: { style: "thin" } },
    };
  });
  for (const part of PARTS) {
    const row = sheet.addRow(part.map((v) => (v === "" ? null : v)));
    const qty = row.getCell(HEADERS.indexOf("Qty (pcs)") + 1);
    if (qty.value === "#N/A") qty.value = { error: "#N/A" };
  }
  const widths = [7, 10, 22, 14, 12, 12, 20, 13, 11, 11, 11, 24, 12, 12, 12, 16, 10, 12, 30, 30, 30, 36];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });

  const suppliers = workbook.addWorksheet("Suppliers");
  suppliers.addRow(["Supplier", "Country", "Audit"]).font = { bold: true };
  for (const s of [["Müller Feinmechanik GmbH", "DE", "2023-11"], ["Shenzhen Precision Co.", "CN", "2024-01"], ["Acme Machining", "US", "2023-06"], ["Precision Parts Ltd", "UK", "2022-09"]]) suppliers.addRow(s);
  suppliers.getColumn(1).width = 28;

  await workbook.xlsx.writeFile(path.join(dir, "bill-of-parts.xlsx"));

  const csvRows = [[TITLE], [...HEADERS], ...PARTS.map((p) => p.map((v) => (v === null ? "" : String(v))))];
  writeFileSync(path.join(dir, "bill-of-parts.csv"), stringify(csvRows, { record_delimiter: "unix" }));
  process.stdout.write("wrote examples/bill-of-parts.xlsx and examples/bill-of-parts.csv\n");
}

void main();
