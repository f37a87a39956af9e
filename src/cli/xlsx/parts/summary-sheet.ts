/**
 * The Readiness summary sheet as a worksheet part (inline strings, so the
 * shared strings stay the user's), with a column chart of the parts per stage
 * anchored right of the table, where the task pane puts its chart (F2:M18).
 */
import { quoteSheetName, STAGE_COLORS, STAGES, SUMMARY_SHEET, SUMMARY_WIDTH, summaryLayout } from "../../../core";
import { SUMMARY_WIDTHS } from "../style";
import type { SummaryInput, SummaryParts } from "./contract";
import { FOOTER } from "./sheet-edits";
import { escapeXml } from "./xml-scan";

export const SPREADSHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const DRAWING_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The relationship id of the drawing in the sheet's relationships, and of the chart in the drawing's. */
export const DRAWING_RELATIONSHIP_ID = "rId1";
export const CHART_RELATIONSHIP_ID = "rId1";

export const CHART_TITLE = "Parts per stage";
/** The chart's cells: from F2 to M18 (0-based column and row of each corner). */
export const CHART_ANCHOR = { from: { column: 5, row: 1 }, to: { column: 12, row: 18 } } as const;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Cell text as an OOXML string: characters XML cannot hold, and carriage
 * returns (which an XML reader turns into line feeds), become `_xHHHH_`, and
 * text that already reads like such an escape gets its underscore escaped
 * (`_x005F_`), so that Excel shows exactly `text`.
 */
export function cellText(text: string): string {
  const escaped = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/gu, "_x005F_$1")
    // eslint-disable-next-line no-control-regex -- the control characters are what it escapes
    .replace(/[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(escaped);
}

function cell(ref: string, value: string | number, style: number): string {
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : "";
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${cellText(value)}</t></is></c>`;
}

const column = (c: number): string => String.fromCharCode(65 + c);

export function summarySheetParts(input: SummaryInput): SummaryParts {
  const { summary, styles } = input;
  const layout = summaryLayout(summary, input.source, input.reading);
  const headings = new Set(layout.headingRows);
  const stageRows = new Map(STAGES.map((stage, i) => [layout.chartRows.first + 1 + i, stage] as const));
  const rows = layout.values.map((values, r) => {
    const stage = stageRows.get(r);
    const cells = values.map((v, c) => {
      if (v === "") return "";
      const style =
        r === 0 && c === 0
          ? styles.summaryTitle
          : headings.has(r)
            ? styles.summaryHeading
            : stage !== undefined && c === 0
              ? styles.stage[stage]
              : styles.summaryText;
      return cell(`${column(c)}${r + 1}`, v, style);
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  const chart = STAGES.some((s) => summary.byStage[s] > 0);
  const widths = Array.from({ length: SUMMARY_WIDTH }, (_, c) => SUMMARY_WIDTHS[c] ?? SUMMARY_WIDTHS[SUMMARY_WIDTHS.length - 1] ?? 10);
  const sheetXml =
    DECLARATION +
    `<worksheet xmlns="${SPREADSHEET_MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${column(SUMMARY_WIDTH - 1)}${layout.values.length}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${FOOTER}</oddFooter></headerFooter>` +
    (chart ? `<drawing r:id="${DRAWING_RELATIONSHIP_ID}"/>` : "") +
    "</worksheet>";
  if (!chart) return { sheetXml };
  const first = layout.chartRows.first;
  const categories = STAGES.map((stage, i) => ({ stage, label: String(layout.values[first + 1 + i]?.[0] ?? ""), count: summary.byStage[stage] }));
  return { sheetXml, drawingXml: drawingXml(), chartXml: chartXml(first, categories) };
}

function drawingXml(): string {
  const corner = (name: "from" | "to", at: { column: number; row: number }): string =>
    `<xdr:${name}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${name}>`;
  return (
    DECLARATION +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING}" xmlns:a="${DRAWING_MAIN}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner("from", CHART_ANCHOR.from) +
    corner("to", CHART_ANCHOR.to) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${CHART_TITLE}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART}"><c:chart xmlns:c="${CHART}" xmlns:r="${RELATIONSHIPS}" r:id="${CHART_RELATIONSHIP_ID}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

const rgb = (hex: string): string => hex.replace(/^#/u, "").toUpperCase();

function chartXml(first: number, categories: readonly { stage: (typeof STAGES)[number]; label: string; count: number }[]): string {
  const sheet = quoteSheetName(SUMMARY_SHEET);
  const top = first + 2;
  const bottom = first + 1 + categories.length;
  const points = categories
    .map(({ stage }, i) => {
      const colors = STAGE_COLORS[stage];
      return `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${rgb(colors.fill)}"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="${rgb(colors.font)}"/></a:solidFill></a:ln></c:spPr></c:dPt>`;
    })
    .join("");
  const strPoints = categories.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(c.label)}</c:v></c:pt>`).join("");
  const numPoints = categories.map((c, i) => `<c:pt idx="${i}"><c:v>${c.count}</c:v></c:pt>`).join("");
  const noLines = "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>";
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${CHART}" xmlns:a="${DRAWING_MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx><c:strRef><c:f>${sheet}!$B$${first + 1}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Parts</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    '<c:invertIfNegative val="0"/>' +
    points +
    '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${sheet}!$A$${top}:$A$${bottom}</c:f><c:strCache><c:ptCount val="${categories.length}"/>${strPoints}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${sheet}!$B$${top}:$B$${bottom}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${categories.length}"/>${numPoints}</c:numCache></c:numRef></c:val>` +
    "</c:ser>" +
    '<c:gapWidth val="80"/><c:axId val="100"/><c:axId val="200"/></c:barChart>' +
    '<c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>' +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${noLines}<c:crossAx val="200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    '<c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>' +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${noLines}<c:crossAx val="100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    "</c:plotArea>" +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}
