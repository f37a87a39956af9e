/*
 * Counts the odd features the corpus holds (for docs/corpus.md), from the raw
 * parts: which producers saved the files and how many have shared formulas,
 * rich text, Strict OOXML and so on.
 *
 * Usage: tsx scripts/corpus/features.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { corpusFiles, CORPUS_DIR } from "./check";
import { decodePart, Package, workbookInfo } from "./ooxml";
import { entryData, readZip } from "./zip";

export interface FeatureCount {
  readonly feature: string;
  readonly files: number;
  readonly example: string;
}

const FEATURES: readonly { feature: string; test: (pkg: Package, names: readonly string[], texts: (pattern: RegExp) => boolean) => boolean }[] = [
  { feature: ".xlsm with vbaProject.bin", test: (_pkg, names) => names.some((name) => /vbaProject\.bin$/iu.test(name)) },
  { feature: "chart sheets", test: (pkg) => workbookInfo(pkg)?.sheets.some((sheet) => sheet.kind === "chartsheet") ?? false },
  {
    feature: "macro or dialog sheets",
    test: (pkg) => workbookInfo(pkg)?.sheets.some((sheet) => sheet.kind === "macrosheet" || sheet.kind === "dialogsheet") ?? false,
  },
  { feature: "charts (drawings)", test: (_pkg, names) => names.some((name) => /charts\/chart/iu.test(name)) },
  { feature: "pivot tables", test: (_pkg, names) => names.some((name) => /pivotTable/iu.test(name)) },
  { feature: "tables (ListObjects)", test: (_pkg, names) => names.some((name) => /tables\/table/iu.test(name)) },
  { feature: "comments", test: (_pkg, names) => names.some((name) => /comments|threadedComment/iu.test(name)) },
  { feature: "Strict OOXML", test: (_pkg, _names, texts) => texts(/purl\.oclc\.org\/ooxml\/spreadsheetml\/main/u) },
  { feature: "1904 date system", test: (_pkg, _names, texts) => texts(/date1904\s*=\s*"(1|true)"/u) },
  { feature: "shared formulas", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?f\b[^>]*\bt="shared"/u) },
  { feature: "array formulas", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?f\b[^>]*\bt="array"/u) },
  { feature: "rich text runs", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?si>\s*<(?:\w+:)?r>/u) },
  { feature: "phonetic guides", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?rPh\b/u) },
  { feature: "inline strings", test: (_pkg, _names, texts) => texts(/t="inlineStr"[^>]*>\s*<(?:\w+:)?is>/u) },
  { feature: "namespace-prefixed sheet parts", test: (_pkg, _names, texts) => texts(/<[\w.-]+:worksheet\b/u) },
  { feature: "UTF-16 or BOM-prefixed parts", test: (pkg) => pkg.entries.some((entry) => /\.xml$/u.test(entry.name) && entryData(entry)[0] !== 0x3c) },
  { feature: "data validations", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?dataValidation\b/u) },
  { feature: "conditional formats", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?conditionalFormatting\b/u) },
  { feature: "merged cells", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?mergeCell\b/u) },
  { feature: "hyperlinks", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?hyperlink\b/u) },
  { feature: "cells without r", test: (_pkg, _names, texts) => texts(/<(?:\w+:)?c(?:\s+(?!r=)[\w:]+="[^"]*")*\s*>/u) },
  { feature: 'ISO date cells (t="d")', test: (_pkg, _names, texts) => texts(/<(?:\w+:)?c\b[^>]*\bt="d"/u) },
  {
    feature: "sheet parts before the workbook part",
    test: (_pkg, names) =>
      names.findIndex((name) => /worksheets\//u.test(name)) >= 0 &&
      names.findIndex((name) => /worksheets\//u.test(name)) < names.findIndex((name) => /workbook\.xml$/u.test(name)),
  },
  { feature: "images", test: (_pkg, names) => names.some((name) => /media\//u.test(name)) },
  { feature: "external links", test: (_pkg, names) => names.some((name) => /externalLink/iu.test(name)) },
  { feature: "custom XML", test: (_pkg, names) => names.some((name) => /^\/?customXml\//u.test(name)) },
];

export function countFeatures(): { counts: FeatureCount[]; producers: Map<string, number> } {
  const counts = FEATURES.map((feature) => ({ feature: feature.feature, files: 0, example: "" }));
  const producers = new Map<string, number>();
  for (const file of corpusFiles()) {
    const named = /^LibreOffice/u.test(file.application)
      ? "LibreOffice"
      : /^WPS/u.test(file.application)
        ? "WPS Office"
        : file.application.replace(/\s+[\d.]+$/u, "").trim();
    const producer = named || "(no docProps/app.xml: most libraries)";
    producers.set(producer, (producers.get(producer) ?? 0) + 1);
    let pkg: Package;
    try {
      pkg = new Package(readZip(readFileSync(path.join(CORPUS_DIR, "files", file.file))));
    } catch {
      continue;
    }
    const names = pkg.entries.map((entry) => entry.name);
    const xml: string[] = [];
    for (const entry of pkg.entries) {
      if (!/\.xml$/iu.test(entry.name) || entry.size > 5_000_000) continue;
      try {
        xml.push(decodePart(entryData(entry)).text);
      } catch {
        // an unreadable entry counts as no feature
      }
    }
    const texts = (pattern: RegExp): boolean => xml.some((text) => pattern.test(text));
    FEATURES.forEach((feature, i) => {
      const count = counts[i];
      if (count === undefined) return;
      let has: boolean;
      try {
        has = feature.test(pkg, names, texts);
      } catch {
        has = false;
      }
      if (has) {
        counts[i] = { ...count, files: count.files + 1, example: count.example || file.file };
      }
    });
  }
  return { counts, producers };
}

if (require.main === module) {
  const { counts, producers } = countFeatures();
  process.stdout.write("| feature | files | for example |\n|---|---|---|\n");
  for (const count of counts) process.stdout.write(`| ${count.feature} | ${count.files} | \`${count.example}\` |\n`);
  process.stdout.write("\n| saved by (docProps/app.xml) | files |\n|---|---|\n");
  for (const [producer, files] of [...producers].sort((a, b) => b[1] - a[1])) process.stdout.write(`| ${producer.replace(/\|/gu, "\\|")} | ${files} |\n`);
}
