/** A part of the user's workbook that is not the XML it must be; the package editor refuses the workbook with this message. */
export class PartError extends Error {
  override readonly name = "PartError";
}
