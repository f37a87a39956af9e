/* Report inputs shared by the report tests and the browser test: an ordinary gate review, and one whose every text is hostile. */
import { compareRuns, type RunPart } from "../../src/core";
import type { ReportInput, ReportPart } from "../../src/report";

const part = (p: Partial<ReportPart> & Pick<ReportPart, "label" | "row" | "stage">): ReportPart => ({
  score: p.stage === null ? null : p.stage === "prototyping" ? 30 : p.stage === "low-volume" ? 70 : 100,
  progress: p.stage === null ? null : p.stage === "mass-production" ? 1 : 0.5,
  blockers: [],
  missing: [],
  nextStep: "",
  waived: [],
  evidence: [],
  ...p,
});

const previous: RunPart[] = [
  { label: "P-100 Bracket", stage: "prototyping", row: 2 },
  { label: "P-200 Housing", stage: "mass-production", row: 3 },
  { label: "P-300 Old cover", stage: "low-volume", row: 4 },
  { label: "P-500 Screw", stage: "low-volume", row: 5 },
  { label: "P-500 screw", stage: "low-volume", row: 6 },
];

const parts: ReportPart[] = [
  part({
    label: "P-100 Bracket",
    row: 2,
    stage: "low-volume",
    progress: 0.82,
    nextStep: "Run a pilot batch.",
    blockers: [{ criterion: "Pilot run", detail: "Pilot run not done" }],
    missing: [{ criterion: "Supplier", detail: "Name a qualified supplier" }],
    evidence: [{ criterion: "Design", text: "https://plm.example.com/docs/P-100?rev=C&view=1" }],
    met: ["Design", "Function", "Material", "Finish"],
  }),
  part({
    label: "P-200 Housing",
    row: 3,
    stage: "low-volume",
    progress: 0.4,
    nextStep: "Freeze the tolerances.",
    blockers: [
      { criterion: "Pilot run", detail: "Pilot run not done" },
      { criterion: "Tolerances", detail: "Tolerances open" },
    ],
    waived: [{ criterion: "DFM", justification: "Carry-over part identical to P-100" }],
    evidence: [{ criterion: "DFM", text: "C:\\Reports\\DFM P-200.pdf" }],
    met: ["Design", "DFM"],
    change: undefined,
  }),
  part({
    label: "P-400 Frame",
    row: 4,
    stage: "prototyping",
    progress: 0.2,
    nextStep: "Freeze the design.",
    missing: [{ criterion: "Supplier", detail: "Name a qualified supplier" }],
    assemblyStage: "prototyping",
    limitedBy: [],
  }),
  part({ label: "A-1 Assembly", row: 5, stage: "mass-production", assemblyStage: "prototyping", limitedBy: [{ label: "P-400 Frame", stage: "prototyping" }] }),
  part({ label: "P-500 Screw", row: 6, stage: "mass-production" }),
  part({ label: "", row: 7, stage: null }),
];

const comparison = compareRuns(
  previous,
  parts.flatMap((p) => (p.stage === null ? [] : [{ label: p.label, stage: p.stage, row: p.row }])),
);
const changes = [...comparison.changes];

export const SAMPLE_INPUT: ReportInput = {
  title: "Gate review: bracket line",
  sourceFile: "bill-of-parts.xlsx",
  sheet: "Parts",
  date: "2026-11-29 14:05",
  stageCounts: { prototyping: 1, "low-volume": 2, "mass-production": 2 },
  unclassified: 1,
  parts: parts.map((p) => (p.stage === null ? p : { ...p, change: changes.shift() })),
  columns: [
    { letter: "A", header: "Part number", readAs: "Part label", how: "names the part: used to label the results" },
    { letter: "B", header: "Dwg Status", readAs: "Design", how: 'by its words ("dwg", "status")' },
  ],
  cellNotes: [{ cell: "Parts!B7", value: "see drawing", message: 'Design: "see drawing" is not a status' }],
  moreCellNotes: 3,
  evidenceCriteria: ["Design", "DFM", "Function"],
  comparison,
  comparedWith: "last-month.classified.xlsx",
};

/** Texts that would run script, load something or restyle the page if they were not escaped. */
export const HOSTILE_TEXTS = [
  "<script>window.ran=1</script>",
  '<img src=x onerror="window.ran=1">',
  '"><svg onload="window.ran=1">',
  '\'><iframe src="javascript:window.ran=1"></iframe>',
  "</style><style>body{background:url(https://evil.example/x.png)}</style>",
  "</title><script>window.ran=1</script>",
  "<style>@import 'https://evil.example/a.css';</style>",
  "&lt;script&gt;window.ran=1&lt;/script&gt;",
  "<!-- <a href='x'> -->",
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  "<link rel=stylesheet href=https://evil.example/b.css>",
  "]]><svg><script>window.ran=1</script></svg>",
] as const;

/** Evidence that must stay text: anything but https: and file paths. */
export const HOSTILE_LINKS = [
  "javascript:window.ran=1",
  " JaVaScRiPt:window.ran=1",
  "java\tscript:window.ran=1",
  "data:text/html,<script>window.ran=1</script>",
  "vbscript:msgbox(1)",
  "http://evil.example/",
  "mailto:x@evil.example",
] as const;

const hostile = (i: number): string => HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? "";

export const HOSTILE_INPUT: ReportInput = {
  title: hostile(5),
  sourceFile: hostile(4),
  sheet: hostile(1),
  date: hostile(0),
  stageCounts: { prototyping: 5, "low-volume": 4, "mass-production": 4 },
  unclassified: 0,
  parts: HOSTILE_TEXTS.map((text, i): ReportPart =>
    part({
      label: text,
      row: i + 2,
      stage: (["prototyping", "low-volume", "mass-production"] as const)[i % 3] ?? "prototyping",
      progress: i % 3 === 2 ? 1 : (i % 10) / 10,
      nextStep: hostile(i + 1),
      blockers: [{ criterion: hostile(i + 2), detail: hostile(i + 3) }],
      missing: [{ criterion: hostile(i + 4), detail: hostile(i + 5) }],
      waived: [{ criterion: hostile(i + 6), justification: hostile(i + 7) }],
      evidence: [
        { criterion: hostile(i), text: HOSTILE_LINKS[i % HOSTILE_LINKS.length] ?? "" },
        { criterion: hostile(i + 1), text: hostile(i + 8) },
      ],
      met: [hostile(i + 9), hostile(i + 1)],
      assemblyStage: "prototyping",
      limitedBy: [{ label: hostile(i + 10), stage: "prototyping" }],
      change: i % 2 === 0 ? { kind: "new" } : { kind: "up", from: "prototyping" },
    }),
  ),
  columns: HOSTILE_TEXTS.map((t, i) => ({ letter: hostile(i + 1), header: t, readAs: hostile(i + 2), how: hostile(i + 3) })),
  cellNotes: HOSTILE_TEXTS.map((t, i) => ({ cell: hostile(i + 4), value: t, message: hostile(i + 5) })),
  moreCellNotes: 2,
  comparison: compareRuns(
    [...HOSTILE_TEXTS, HOSTILE_TEXTS[0]].map((label, i) => ({ label: label ?? "", stage: "low-volume", row: i + 2 })),
    HOSTILE_TEXTS.slice(3).map((label, i) => ({ label, stage: "prototyping", row: i + 2 })),
  ),
  comparedWith: hostile(3),
};
