/* npm start / npm stop (scripts/sideload.ts): office-addin-debugging on demand for Excel desktop, the web steps on Linux and for the web, and nothing of it in the install. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, OFFICE_ADDIN_DEBUGGING, ROOT, execCommand, plan, webSteps } from "../../scripts/sideload";

const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function script(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [TSX, path.join(ROOT, "scripts/sideload.ts"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("on Windows and Mac", () => {
  it.each(["win32", "darwin"] as const)("npm start on %s sideloads manifest.xml into Excel desktop and starts the dev server", (platform) => {
    const start = plan("start", [], platform);
    expect(start).toMatchObject({ kind: "sideload", action: "start" });
    if (start.kind !== "sideload") return;
    expect(start.args).toEqual(["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"]);
    expect(start.note).toContain("npm start -- web");
    expect(plan("start", ["desktop"], platform)).toEqual(start);
  });

  it.each(["win32", "darwin"] as const)("npm stop on %s removes it and stops the dev server", (platform) => {
    expect(plan("stop", [], platform)).toMatchObject({ kind: "sideload", args: ["stop", "manifest.xml", "desktop"] });
  });

  it("runs a pinned office-addin-debugging through npm exec, skipping install scripts (keytar's native build)", () => {
    expect(OFFICE_ADDIN_DEBUGGING).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
    const npmCli = "/usr/lib/node_modules/npm/bin/npm-cli.js";
    expect(execCommand(["stop", "manifest.xml", "desktop"], { npm_execpath: npmCli }, "darwin")).toEqual({
      command: process.execPath,
      args: [
        npmCli,
        "exec",
        "--yes",
        "--ignore-scripts",
        `--package=${OFFICE_ADDIN_DEBUGGING}`,
        "--",
        "office-addin-debugging",
        "stop",
        "manifest.xml",
        "desktop",
      ],
      shell: false,
    });
  });

  it("falls back to npx, through the shell and quoted on Windows", () => {
    expect(execCommand(["start", "--dev-server", "npm run dev-server"], {}, "darwin")).toMatchObject({ command: "npx", shell: false });
    const windows = execCommand(["start", "--dev-server", "npm run dev-server"], {}, "win32");
    expect(windows).toMatchObject({ command: "npx", shell: true });
    expect(windows.args).toContain('"npm run dev-server"');
  });
});

describe("for Excel on the web, and on Linux", () => {
  it.each([
    ["web", "win32"],
    ["--web", "darwin"],
    ["web", "linux"],
  ] as const)("npm start -- %s on %s prints the upload steps with the manifest's absolute path", (arg, platform) => {
    expect(plan("start", [arg], platform)).toEqual({ kind: "print", text: webSteps() });
  });

  it("npm start on Linux says why it does not sideload, then gives the web steps", () => {
    for (const args of [[], ["desktop"]]) {
      const start = plan("start", args, "linux");
      expect(start.kind).toBe("print");
      if (start.kind !== "print") return;
      expect(start.text).toMatch(/^Excel desktop does not run on Linux/);
      expect(start.text).toContain(webSteps());
    }
  });

  it("the steps name the dev server, the upload command and the manifest file", () => {
    const steps = webSteps();
    expect(path.isAbsolute(MANIFEST)).toBe(true);
    expect(existsSync(MANIFEST)).toBe(true);
    expect(steps).toContain(`       ${MANIFEST}\n`);
    expect(steps).toContain("npm run dev-server");
    expect(steps).toContain("Upload My Add-in");
    expect(steps).toContain("https://localhost:3000/");
  });

  it("npm stop has nothing to remove there", () => {
    expect(plan("stop", ["web"], "win32")).toMatchObject({ kind: "print" });
    expect(plan("stop", [], "linux")).toMatchObject({ kind: "print" });
  });

  it("refuses other arguments with the usage", () => {
    expect(plan("start", ["excel"], "linux")).toMatchObject({ kind: "usage" });
    expect(plan("start", ["web", "desktop"], "win32")).toMatchObject({ kind: "usage" });
    expect(plan("stop", ["--help"], "darwin")).toMatchObject({ kind: "usage" });
  });
});

describe("the script", () => {
  it.runIf(process.platform === "linux")("npm start and npm stop exit 0 on Linux, printing the steps without running office-addin-debugging", () => {
    const start = script("start");
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout).toContain(MANIFEST);
    expect(start.stdout).not.toContain("office-addin-debugging");
    const stop = script("stop");
    expect(stop.status, stop.stderr).toBe(0);
  });

  it("npm start -- web exits 0 and prints the manifest's path", () => {
    const web = script("start", "web");
    expect(web.status, web.stderr).toBe(0);
    expect(web.stdout.trim()).toBe(webSteps());
  });

  it("exits 2 with the usage for an unknown action or argument", () => {
    for (const args of [[], ["launch"], ["start", "excel"]]) {
      const run = script(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("usage: npm start");
    }
  });

  it("keeps office-addin-debugging and keytar out of the install", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
      expect(Object.keys(pkg[field] ?? {})).not.toContain("office-addin-debugging");
    }
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages);
    expect(installed.filter((p) => /(^|\/)node_modules\/(keytar|office-addin-debugging|office-addin-dev-settings)$/.test(p))).toEqual([]);
    expect(pkg.scripts?.start).toBe("tsx scripts/sideload.ts start");
    expect(pkg.scripts?.stop).toBe("tsx scripts/sideload.ts stop");
  });
});
