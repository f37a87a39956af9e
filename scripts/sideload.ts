/*
 * `npm start` / `npm stop`: sideload the add-in into Excel desktop, or say how to sideload it into Excel on the web.
 *
 * On Windows and Mac this runs Microsoft's office-addin-debugging, pinned, through `npm exec` (npx) on demand:
 * it starts `npm run dev-server`, registers manifest.xml with Excel and opens Excel; `npm stop` unregisters it and
 * stops the dev server. It is deliberately not a dependency: office-addin-debugging 7 pulls in keytar, whose native
 * build needs libsecret and fails on a fresh Linux machine, which would break `npm ci`. keytar only serves the
 * Microsoft 365 sign-in used for JSON (unified) manifests and Outlook; registering an XML manifest for Excel uses the
 * Windows registry or the Mac `wef` folder, so the one-off install skips install scripts (`--ignore-scripts`).
 *
 * Excel desktop does not exist on Linux, and Excel on the web has no local sideloading: there, and with
 * `npm start -- web`, the script prints the upload steps and the manifest's absolute path, and exits 0.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

/** The office-addin-debugging release `npm start` runs (checked on 7.0.0: `start <manifest> desktop --app excel`). */
export const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";
export const ROOT = path.resolve(__dirname, "..");
export const MANIFEST = path.join(ROOT, "manifest.xml");
export const DEV_SERVER_PORT = 3000;

export type Action = "start" | "stop";
export type Target = "desktop" | "web";

export type Plan =
  | { readonly kind: "sideload"; readonly action: Action; readonly args: readonly string[]; readonly note: string }
  | { readonly kind: "print"; readonly text: string }
  | { readonly kind: "usage"; readonly text: string };

export const USAGE = [
  "usage: npm start [-- web]      sideload into Excel desktop (Windows, Mac), or print the steps for Excel on the web",
  "       npm stop [-- web]       remove the sideloaded add-in and stop the dev server started by npm start",
  "       (tsx scripts/sideload.ts start|stop [web|desktop])",
].join("\n");

/** office-addin-debugging's arguments for `start` or `stop` of manifest.xml in Excel desktop. */
export function debuggingArgs(action: Action): string[] {
  return action === "start"
    ? ["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", String(DEV_SERVER_PORT)]
    : ["stop", "manifest.xml", "desktop"];
}

/** The Excel-on-the-web steps, naming the manifest by its absolute path. */
export function webSteps(manifest = MANIFEST): string {
  return [
    "Excel on the web: sideload Part Readiness by uploading its manifest.",
    "",
    "  1. Start the dev server and leave it running:  npm run dev-server",
    `     It serves the add-in on https://localhost:${DEV_SERVER_PORT}/. If it says its certificate is not trusted, trust it`,
    `     as it explains, or open https://localhost:${DEV_SERVER_PORT}/taskpane.html in the same browser once and accept the warning.`,
    "  2. Open a workbook in Excel on the web.",
    "  3. Home > Add-ins > More Settings (in some versions Insert > Add-ins, or Add-ins > More Add-ins),",
    "     then Upload My Add-in.",
    "  4. Browse to this file and choose Upload:",
    `       ${manifest}`,
    "  5. The Part Readiness button appears on the Home tab; type =READINESS_ in a cell for the functions.",
    "",
    "To stop, press Ctrl+C where the dev server runs. An uploaded add-in stays until the browser's cache is cleared.",
    "To host the add-in somewhere else than localhost, see docs/sideload.md.",
  ].join("\n");
}

/** What `npm start` / `npm stop` do with these arguments on this platform. */
export function plan(action: Action, args: readonly string[], platform: NodeJS.Platform): Plan {
  let target: Target | undefined;
  for (const arg of args) {
    const word = arg.replace(/^--?/, "").toLowerCase();
    if (word === "help" || word === "h") return { kind: "usage", text: USAGE };
    if ((word === "web" || word === "desktop") && (target === undefined || target === word)) target = word;
    else return { kind: "usage", text: `${action}: unexpected argument "${arg}".\n${USAGE}` };
  }
  const desktop = platform === "win32" || platform === "darwin";
  if (target === "web" || !desktop) {
    const why =
      target === "web" ? "" : `Excel desktop does not run on ${platform === "linux" ? "Linux" : platform}, so there is nothing to sideload it into here.\n`;
    if (action === "stop") {
      return {
        kind: "print",
        text: `${why}Excel on the web: nothing was sideloaded from this machine. Stop the dev server with Ctrl+C where it runs; an uploaded add-in stays in the browser until its cache is cleared.`,
      };
    }
    return { kind: "print", text: `${why}${webSteps()}` };
  }
  return {
    kind: "sideload",
    action,
    args: debuggingArgs(action),
    note:
      action === "start"
        ? `Sideloading manifest.xml into Excel desktop with ${OFFICE_ADDIN_DEBUGGING} (fetched by npm exec on first use; it also starts npm run dev-server).\nFor Excel on the web instead: npm start -- web`
        : `Removing the sideloaded add-in and stopping the dev server with ${OFFICE_ADDIN_DEBUGGING}.`,
  };
}

/** How to run office-addin-debugging on demand: through the npm that runs this script, else through npx. */
export function execCommand(
  debugArgs: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { command: string; args: string[]; shell: boolean } {
  const exec = ["--yes", "--ignore-scripts", `--package=${OFFICE_ADDIN_DEBUGGING}`, "--", "office-addin-debugging", ...debugArgs];
  const npmCli = env.npm_execpath;
  if (npmCli !== undefined && /^npm-cli\.c?js$/i.test(path.basename(npmCli))) {
    return { command: process.execPath, args: [npmCli, "exec", ...exec], shell: false };
  }
  if (platform === "win32") {
    // npx is npx.cmd on Windows, which Node runs only through the shell; quote what has spaces.
    return { command: "npx", args: exec.map((a) => (/\s/.test(a) ? `"${a}"` : a)), shell: true };
  }
  return { command: "npx", args: exec, shell: false };
}

function main(argv: readonly string[]): number {
  const [action, ...rest] = argv;
  if (action !== "start" && action !== "stop") {
    console.error(USAGE);
    return 2;
  }
  const what = plan(action, rest, process.platform);
  if (what.kind === "usage") {
    console.error(what.text);
    return 2;
  }
  if (what.kind === "print") {
    console.log(what.text);
    return 0;
  }
  console.log(what.note);
  const run = execCommand(what.args, process.env, process.platform);
  const result = spawnSync(run.command, run.args, { cwd: ROOT, stdio: "inherit", shell: run.shell });
  if (result.error) {
    console.error(`Could not run ${OFFICE_ADDIN_DEBUGGING}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

// Run as a script (tsx scripts/sideload.ts), not when a test imports it.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) process.exitCode = main(process.argv.slice(2));
