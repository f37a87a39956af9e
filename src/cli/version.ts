import { readFileSync } from "node:fs";
import path from "node:path";

/** The version in package.json (two folders up from both src/cli and build/cli). */
export function programVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}
