/* Workbook packages written entry by entry, for the package engine's tests: the XML is exactly what the test gives. */
import { writeFileSync } from "node:fs";
import { zipStored, type ZipEntry } from "../../../fixtures/zip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

export interface PackageOptions {
  /** The worksheets' XML, in order, named Sheet1, Sheet2... unless `names` says otherwise. */
  readonly sheets: readonly (string | Buffer)[];
  readonly names?: readonly string[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly date1904?: boolean;
  readonly strict?: boolean;
  /** Sheets stored before xl/workbook.xml (as older LibreOffice does). */
  readonly sheetsFirst?: boolean;
  /** More entries, stored after the rest. */
  readonly extra?: readonly ZipEntry[];
}

/** A sheet's XML around rows given as XML text. */
export function sheetXml(
  rows: string,
  options: { readonly prefix?: string; readonly ns?: string; readonly head?: string; readonly tail?: string } = {},
): string {
  const p = options.prefix === undefined ? "" : `${options.prefix}:`;
  const xmlns = options.prefix === undefined ? `xmlns="${options.ns ?? MAIN}"` : `xmlns:${options.prefix}="${options.ns ?? MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${REL}">${options.head ?? ""}<${p}sheetData>${rows}</${p}sheetData>${options.tail ?? ""}</${p}worksheet>`;
}

export function packageEntries(options: PackageOptions): ZipEntry[] {
  const rel = options.strict === true ? STRICT_REL : REL;
  const main = options.strict === true ? STRICT_MAIN : MAIN;
  const names = options.sheets.map((_, i) => options.names?.[i] ?? `Sheet${i + 1}`);
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...options.sheets.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    ...(options.sharedStrings === undefined
      ? []
      : ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>']),
    ...(options.styles === undefined
      ? []
      : ['<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']),
  ];
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[
    ...options.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    ...(options.sharedStrings === undefined ? [] : [`<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`]),
    ...(options.styles === undefined ? [] : [`<Relationship Id="rIdT" Type="${rel}/styles" Target="/xl/styles.xml"/>`]),
  ].join("")}</Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${rel}">${options.date1904 === true ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${names
    .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const sheets: ZipEntry[] = options.sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml }));
  const book: ZipEntry[] = [
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels },
    ...(options.sharedStrings === undefined ? [] : [{ name: "xl/sharedStrings.xml", data: options.sharedStrings }]),
    ...(options.styles === undefined ? [] : [{ name: "xl/styles.xml", data: options.styles }]),
  ];
  return [
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRels },
    ...(options.sheetsFirst === true ? [...sheets, ...book] : [...book, ...sheets]),
    ...(options.extra ?? []),
  ];
}

export function writePackage(file: string, options: PackageOptions): string {
  writeFileSync(file, zipStored(packageEntries(options)));
  return file;
}

/** A row of inline-string and number cells with addresses. */
export function rowXml(number: number, values: readonly (string | number | null)[], prefix = ""): string {
  const p = prefix === "" ? "" : `${prefix}:`;
  const cells = values
    .map((v, i) => {
      if (v === null || v === "") return "";
      const ref = `${String.fromCharCode(65 + i)}${number}`;
      return typeof v === "number"
        ? `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`
        : `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${v.replace(/&/gu, "&amp;").replace(/</gu, "&lt;")}</${p}t></${p}is></${p}c>`;
    })
    .join("");
  return `<${p}row r="${number}">${cells}</${p}row>`;
}

export const HEADER = ["Part", "Design", "Material", "Qty"] as const;
export const PARTS: readonly (readonly (string | number)[])[] = [
  ["A-1", "frozen", "locked", 5000],
  ["B-2", "changing", "open", 3],
  ["C-3", "stable", "candidate", 40],
];
