/* The built add-in for the tests that read dist/: built once if a test runs before `npm run build`. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");

const REQUIRED = ["functions.js", "functions.json", "taskpane.html", "manifest.xml", "help.html"];

export function ensureDist(): void {
  if (REQUIRED.every((f) => existsSync(path.join(DIST, f)))) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
}

export const distText = (file: string): string => readFileSync(path.join(DIST, file), "utf8");
