import { describe, expect, it } from "vitest";
import { NO_PROGRESS, progressOn } from "../../src/cli/progress";

function stream(isTTY: boolean): { isTTY: boolean; write: (s: string | Uint8Array) => boolean; text: () => string } {
  let text = "";
  return { isTTY, write: (s) => ((text += String(s)), true), text: () => text };
}

describe("progress line", () => {
  it("stays silent on a stream that is not a terminal", () => {
    const err = stream(false);
    expect(progressOn(err, "classify")).toBe(NO_PROGRESS);
  });

  it("appears only after the first second, shows rows and rows per second, and clears itself", () => {
    const err = stream(true);
    let now = 0;
    const progress = progressOn(err, "classify", undefined, () => now);
    for (let i = 0; i < 5000; i += 1) progress.tick();
    expect(err.text(), "nothing in the first second").toBe("");
    now = 2000;
    for (let i = 0; i < 5000; i += 1) progress.tick();
    expect(err.text()).toMatch(/\rclassify [\d,]+ rows, [\d,]+ rows\/s/u);
    progress.done();
    expect(err.text().endsWith("\r\u001b[K")).toBe(true);
  });
});
