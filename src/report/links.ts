/*
 * Which evidence texts become links. Only an https: URL or a file path (an
 * absolute Windows, UNC or POSIX path, or a file: URL) does; everything else
 * (javascript:, data:, http:, mailto:, relative paths, words) stays text.
 */

const DRIVE_PATH = /^([A-Za-z]):[\\/]/u;
const UNC_PATH = /^\\\\([A-Za-z0-9][A-Za-z0-9.-]*)[\\/]/u;
const HOST = /^[A-Za-z0-9][A-Za-z0-9.-]*$/u;

/** A URL parser drops tabs and line breaks; a text holding any control character is never a link. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The path's segments, each percent-encoded, joined by "/"; null when the text is not well-formed UTF-16 (a lone surrogate). */
function encodedSegments(path: string): string | null {
  try {
    return path
      .split(/[\\/]+/u)
      .filter((s) => s !== "")
      .map(encodeURIComponent)
      .join("/");
  } catch {
    return null;
  }
}

/** file:///… for an absolute path, or null. */
function fileUrl(path: string): string | null {
  const drive = DRIVE_PATH.exec(path);
  const unc = UNC_PATH.exec(path);
  const [prefix, rest] = drive
    ? [`file:///${drive[1] ?? ""}:/`, path.slice(3)]
    : unc
      ? [HOST.test(unc[1] ?? "") ? `file://${unc[1] ?? ""}/` : null, path.slice(unc[0].length)]
      : path.startsWith("/")
        ? ["file:///", path]
        : [null, ""];
  const encoded = prefix === null ? null : encodedSegments(rest);
  return prefix === null || encoded === null ? null : prefix + encoded;
}

/**
 * The link an evidence cell may carry: the whole trimmed text must be one
 * https: URL (no spaces) or one absolute file path or file: URL. Returns the
 * URL to put in href (still to be escaped as an attribute), or null for text.
 */
export function evidenceHref(text: string): string | null {
  const t = text.trim();
  if (t === "" || hasControl(t)) return null;
  if (/^https:/iu.test(t)) {
    if (/\s/u.test(t)) return null;
    const url = parsed(t);
    return url?.protocol === "https:" && url.hostname !== "" ? url.href : null;
  }
  if (/^file:/iu.test(t)) {
    const url = parsed(t);
    return url?.protocol === "file:" ? url.href : null;
  }
  const built = fileUrl(t);
  if (built === null) return null;
  const url = parsed(built);
  return url?.protocol === "file:" ? url.href : null;
}
