/** How long the report's object URL stays valid after the download starts: long enough for the browser to read it. */
export const REVOKE_AFTER_MS = 30_000;

/**
 * Offers a text as a file download: a Blob, an object URL, a hidden
 * `<a download>` clicked once, and the URL revoked afterwards. Nothing of the
 * text becomes markup in the pane.
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
