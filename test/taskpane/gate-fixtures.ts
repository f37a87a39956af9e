/* A short indented bill from the example (examples/bill-of-parts.xlsx): P7-150, and the P7-500 assembly limited by P7-520 with its pilot run waived. */
/** What a seeded cell holds. */
export type Cell = string | number;

/** Rows of the example bill (examples/bill-of-parts.xlsx, P7-150 and the P7-500 assembly), shortened to the columns that matter here. */
export const BILL_HEADERS = [
  "Level",
  "Part No.",
  "Description",
  "CAD / drawing status",
  "Fit / function",
  "Material",
  "Finish",
  "Tolerance review",
  "DFM",
  "Pilot run",
  "Demand",
  "Supplier qualified",
  "Inspection plan",
  "Cost target",
  "Goal",
  "Qty (pcs)",
  "Annual volume",
  "Waiver justification",
];
export const READY = [
  "released",
  "validated",
  "locked",
  "confirmed",
  "reviewed",
  "done",
  "validated",
  "stable",
  "qualified",
  "approved",
  "agreed",
  "production",
];
export const P7_150: Cell[] = [0, "P7-150", "Motor flange", ...READY, 500, 800, ""];
export const P7_500: Cell[] = [
  0,
  "P7-500",
  "Motor bracket assembly",
  ...READY.slice(0, 6),
  "Pilot run waived: carry-over of P7-150",
  ...READY.slice(7),
  500,
  6000,
  "Same weldment and process as P7-150; 3 pilot lots passed (8D-2023-114)",
];
export const P7_510: Cell[] = [1, "P7-510", "Bracket weldment", ...READY, 500, 6000, ""];
export const P7_520: Cell[] = [1, "P7-520", "Damper insert", "changing", "in progress", "EPDM 60", "", "", "", "", "", "", "", "", "validation", 10, "", ""];
export const BLANK: Cell[] = BILL_HEADERS.map(() => "");
export const withLevel = (row: readonly Cell[], level: Cell): Cell[] => [level, ...row.slice(1)];
export const renamed = (row: readonly Cell[], label: string): Cell[] => [row[0] ?? "", label, ...row.slice(2)];
export const withoutWaiver = (row: readonly Cell[]): Cell[] => [...row.slice(0, 9), "validated", ...row.slice(10, -1), ""];
export const parentBill = (rows: readonly (readonly Cell[])[], parents: readonly string[]): Cell[][] => rows.map((r, i) => [parents[i] ?? "", ...r.slice(1)]);
