import type { CriterionId } from "./criteria";

/**
 * Evidence: why a criterion is believed met (a report, a link, a document
 * reference). Shown beside the criterion; it never changes a stage. A text is
 * offered as a link only when it is one safe target: an https: URL, a file:
 * URL or a file path (C:\..., \\server\share\..., /...). Anything else,
 * including http:, javascript: and text around a URL, is plain text.
 */

export const LINK_KINDS = ["https", "file", "text"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** One criterion's evidence on one row. */
export interface Evidence {
  readonly criterion: CriterionId;
  /** The cell as written, trimmed. */
  readonly text: string;
  /** The header of the column it came from. */
  readonly header: string;
  /** `https` or `file` when the whole text is a safe link target, else `text`. */
  readonly link: LinkKind;
}

// No spaces, quotes, angle brackets or control characters in a URL; a host after https://.
const HTTPS = /^https:\/\/[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?(?::\d{1,5})?(?:[/?#][^\s"'<>`\\\p{Cc}]*)?$/iu;
const FILE_URL = /^file:\/\/[^\s"'<>`\p{Cc}]*$/iu;
// Paths may hold spaces, but no quotes, angle brackets, pipes or control characters, and no line breaks.
const PATH_CHARS = String.raw`[^"<>|*?\p{Cc}]*`;
const DRIVE_PATH = new RegExp(String.raw`^[A-Za-z]:\\${PATH_CHARS}$`, "u");
const UNC_PATH = new RegExp(String.raw`^\\\\[\p{L}\p{N}][\p{L}\p{N}._$-]*\\${PATH_CHARS}$`, "u");
// "/" and then a name: not "//host" (a link to another site) and not "/\...".
const POSIX_PATH = new RegExp(String.raw`^/(?![/\\])${PATH_CHARS}$`, "u");

/** Whether a text is one safe link target: `https`, `file` (a file: URL or a file path), or plain `text`. */
export function linkKind(text: string): LinkKind {
  const t = text.trim();
  if (t === "" || t.length > 2048) return "text";
  if (HTTPS.test(t)) return "https";
  if (FILE_URL.test(t) || DRIVE_PATH.test(t) || UNC_PATH.test(t) || POSIX_PATH.test(t)) return "file";
  return "text";
}

/** True when the text may be shown as a clickable link. */
export function isSafeLink(text: string): boolean {
  return linkKind(text) !== "text";
}
