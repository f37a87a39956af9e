/* docs/cli.md and the README's command-line section name every option the command line takes. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLASSIFY, COMMANDS } from "../../src/cli/commands";
import { ROOT } from "../fixtures/run-cli";

const cliDoc = readFileSync(path.join(ROOT, "docs", "cli.md"), "utf8");
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const readmeCli = readme.slice(readme.indexOf("<!-- section:cli -->"), readme.indexOf("<!-- /section:cli -->"));

const spelled = (name: string, negatable: boolean | undefined): string => (negatable === true ? `--[no-]${name}` : `--${name}`);

describe("documented options", () => {
  it.each(COMMANDS.flatMap((c) => c.options.map((o) => [c.name, o.name, o.negatable] as const)))("docs/cli.md documents %s %s", (_command, name, negatable) => {
    expect(cliDoc).toContain(negatable === true ? `--${name}\`, \`--no-${name}` : `--${name}`);
  });

  it.each(CLASSIFY.options.map((o) => [o.name, o.negatable, o.short] as const))(
    "the README's command-line section names classify --%s",
    (name, negatable, short) => {
      expect(readmeCli.length).toBeGreaterThan(0);
      const forms = [spelled(name, negatable), ...(short === undefined ? [] : [`-${short} `])];
      expect(
        forms.some((f) => readmeCli.includes(f)),
        `one of ${forms.join(", ")}`,
      ).toBe(true);
    },
  );
});
