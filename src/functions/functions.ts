/*
 * The Excel custom functions. The JSDoc blocks below are the metadata:
 * custom-functions-metadata-plugin turns them into functions.json and appends
 * the CustomFunctions.associate calls to this file at build time.
 * Omitted optional arguments arrive as null, so every optional parameter is read
 * through the adapter rather than trusted to its declared type.
 */
import { assemblyOrThrow, columnsOrThrow, firstColumnOf, flagOrThrow, listsOrThrow, partsOrThrow } from "./adapter";
import { withAssemblyHeaders } from "./assembly";
import {
  blockerItems,
  blockersJoined,
  criteriaTable,
  missingItems,
  missingJoined,
  nextStepCell,
  progressCell,
  reportRow,
  scoreCell,
  stageCell,
  warningItems,
  warningsJoined,
  withResultHeaders,
} from "./answers";

/**
 * Readiness stage of each part: Prototyping, Low-volume manufacturing or Mass production; empty for a row with no criterion cell filled in. One row gives one value, many rows spill one stage per row.
 * @customfunction READINESS_STAGE
 * @helpurl https://localhost:3000/help.html#READINESS_STAGE
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns One stage name per part row.
 */
export function readinessStage(
  criteria: unknown[][],
  headers?: unknown[][],
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  return partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, stageCell);
}

/**
 * Readiness score of each part, the number to sort by: prototyping 0 to 49, low-volume manufacturing 50 to 99, mass production 100; empty for a row with no stage.
 * @customfunction READINESS_SCORE
 * @helpurl https://localhost:3000/help.html#READINESS_SCORE
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns One score per part row.
 */
export function readinessScore(
  criteria: unknown[][],
  headers?: unknown[][],
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): Array<Array<number | string>> {
  return partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, scoreCell);
}

/**
 * Progress of each part towards its next stage: the share of the next gate's requirements satisfied, 0 to 100 (100 in mass production); empty for a row with no stage.
 * @customfunction READINESS_PROGRESS
 * @helpurl https://localhost:3000/help.html#READINESS_PROGRESS
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns One percentage (0 to 100) per part row.
 */
export function readinessProgress(
  criteria: unknown[][],
  headers?: unknown[][],
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): Array<Array<number | string>> {
  return partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, progressCell);
}

/**
 * The one next step for each part, as a sentence: the first blocker or missing item on the way to the next stage.
 * @customfunction READINESS_NEXT_STEP
 * @helpurl https://localhost:3000/help.html#READINESS_NEXT_STEP
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns One sentence per part row.
 */
export function readinessNextStep(
  criteria: unknown[][],
  headers?: unknown[][],
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  return partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, nextStepCell);
}

/**
 * What blocks each part from its next stage: the known criteria that are not met, each with what is needed.
 * @customfunction READINESS_BLOCKERS
 * @helpurl https://localhost:3000/help.html#READINESS_BLOCKERS
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [asColumns] TRUE spills one blocker per cell across columns; FALSE or omitted joins them with "; " in one cell.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns The blockers of each part row.
 */
export function readinessBlockers(
  criteria: unknown[][],
  headers?: unknown[][],
  asColumns?: unknown,
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  return listsOrThrow(asColumns, criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, blockersJoined, blockerItems);
}

/**
 * What is still unknown for each part's next stage: the information the buyer has to provide.
 * @customfunction READINESS_MISSING
 * @helpurl https://localhost:3000/help.html#READINESS_MISSING
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [asColumns] TRUE spills one missing item per cell across columns; FALSE or omitted joins them with "; " in one cell.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns The missing information of each part row.
 */
export function readinessMissing(
  criteria: unknown[][],
  headers?: unknown[][],
  asColumns?: unknown,
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  return listsOrThrow(asColumns, criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, missingJoined, missingItems);
}

/**
 * Warnings that never change the stage: a large quantity while still prototyping, a learning goal with every production criterion met, mass production at a low annual volume.
 * @customfunction READINESS_WARNINGS
 * @helpurl https://localhost:3000/help.html#READINESS_WARNINGS
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [asColumns] TRUE spills one warning per cell across columns; FALSE or omitted joins them with "; " in one cell.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Above this quantity a prototyping part is warned about; below this annual volume a mass-production part is. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns The warnings of each part row.
 */
export function readinessWarnings(
  criteria: unknown[][],
  headers?: unknown[][],
  asColumns?: unknown,
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  return listsOrThrow(asColumns, criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, warningsJoined, warningItems);
}

/**
 * Full result for each part in five columns: stage, readiness score, next step, blockers and missing, the same columns the task pane and the command line write.
 * @customfunction READINESS_REPORT
 * @helpurl https://localhost:3000/help.html#READINESS_REPORT
 * @param criteria The part rows (one or more). Without headers, the first row must be the header row, e.g. A1:N200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [withHeaders] TRUE adds a header row (Stage, Readiness score, Next step, Blockers, Missing) above the results.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns Five cells per part row.
 */
export function readinessReport(
  criteria: unknown[][],
  headers?: unknown[][],
  withHeaders?: unknown,
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): Array<Array<number | string>> {
  const titled = flagOrThrow(withHeaders, "withHeaders");
  const rows = partsOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping, reportRow);
  return titled ? withResultHeaders(rows) : rows;
}

/**
 * Assembly stage and Limited by for each part of an indented bill (a Level or Parent column): an assembly is as ready as its weakest component. Empty for parts without components; Unknown, with the reason, where the structure or a stage is missing.
 * @customfunction READINESS_ASSEMBLY
 * @helpurl https://localhost:3000/help.html#READINESS_ASSEMBLY
 * @param criteria The whole table's part rows, with its Level or Parent column. Without headers, the first row must be the header row, e.g. A1:P200.
 * @param [headers] The header row above the part rows, with the same columns, e.g. Parts[#Headers]. Omit it when criteria starts with its header row.
 * @param [withHeaders] TRUE adds a header row (Assembly stage, Limited by) above the results.
 * @param [prototypeQuantity] Above this many parts an unstated goal counts as delivering. Default 10.
 * @param [lowVolumeQuantity] Must be above prototypeQuantity; used for the warnings. Default 1000.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns Two cells per part row: assembly stage, limited by.
 */
export function readinessAssembly(
  criteria: unknown[][],
  headers?: unknown[][],
  withHeaders?: unknown,
  prototypeQuantity?: unknown,
  lowVolumeQuantity?: unknown,
  mapping?: unknown[][],
): string[][] {
  const titled = flagOrThrow(withHeaders, "withHeaders");
  const rows = assemblyOrThrow(criteria, headers, prototypeQuantity, lowVolumeQuantity, mapping);
  return titled ? withAssemblyHeaders(rows) : rows;
}

/**
 * How each column of a header row is read: one row per non-blank header with its column letter, the header, what it is read as (a criterion, Part label or Not read) and how it was matched or why it is not read.
 * @customfunction READINESS_COLUMNS
 * @helpurl https://localhost:3000/help.html#READINESS_COLUMNS
 * @requiresParameterAddresses
 * @param headers The header row of the list, e.g. Parts[#Headers] or $A$1:$P$1.
 * @param [criteria] The part rows under it, same columns: when two columns claim one criterion, their values decide, as in the other functions.
 * @param [mapping] How to read columns the automatic reading gets wrong: two columns of header and criterion pairs, e.g. "Dwg Status" | design, "Vendor" | none.
 * @returns Four cells per non-blank header: column, header, read as, how.
 */
export function readinessColumns(headers: unknown[][], criteria?: unknown[][], mapping?: unknown[][], invocation?: CustomFunctions.Invocation): string[][] {
  return columnsOrThrow(headers, criteria, mapping, firstColumnOf(invocation?.parameterAddresses?.[0]));
}

/**
 * The criteria table: each criterion's id, name, the column headers it is read from and the values it accepts, under a header row.
 * @customfunction READINESS_CRITERIA
 * @helpurl https://localhost:3000/help.html#READINESS_CRITERIA
 * @returns Four columns, one row per criterion.
 */
export function readinessCriteria(): string[][] {
  return criteriaTable();
}
