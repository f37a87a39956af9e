/** The result cells as SpreadsheetML: inline strings and numbers with their style indexes, in the row's namespace prefix. */
import { RESULT_HEADERS, columnLetters, type ResultCells, type Stage } from "../../../core";
import type { ResultStyles } from "../parts/contract";
import { escapeCellText } from "./xml-tokens";

function textCell(p: string, ref: string, style: number, text: string): string {
  const space = /^\s|\s$|\n/u.test(text) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}" s="${style}" t="inlineStr"><${p}is><${p}t${space}>${escapeCellText(text)}</${p}t></${p}is></${p}c>`;
}

/** The five header cells. */
export function headerCellsXml(p: string, row: number, first: number, styles: ResultStyles): string {
  return RESULT_HEADERS.map((h, i) => textCell(p, `${columnLetters(first + i)}${row}`, styles.header, h)).join("");
}

/** A part's five results; an empty result is no cell. */
export function partCellsXml(p: string, row: number, first: number, cells: ResultCells, stage: Stage | null, styles: ResultStyles): string {
  const [stageName, score, next, blockers, missing] = cells;
  const ref = (i: number): string => `${columnLetters(first + i)}${row}`;
  let xml = "";
  if (stageName !== "") xml += textCell(p, ref(0), stage === null ? styles.text : styles.stage[stage], stageName);
  if (score !== "") xml += `<${p}c r="${ref(1)}" s="${styles.text}"><${p}v>${score}</${p}v></${p}c>`;
  if (next !== "") xml += textCell(p, ref(2), styles.wrapped, next);
  if (blockers !== "") xml += textCell(p, ref(3), styles.wrapped, blockers);
  if (missing !== "") xml += textCell(p, ref(4), styles.wrapped, missing);
  return xml;
}

/** Text cells from column `first` on (the gate columns after the results, or their headers); an empty text is no cell. */
export function textCellsXml(p: string, row: number, first: number, texts: readonly string[], style: number): string {
  let xml = "";
  texts.forEach((text, i) => {
    if (text !== "") xml += textCell(p, `${columnLetters(first + i)}${row}`, style, text);
  });
  return xml;
}
