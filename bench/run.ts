/* Runs every bench/*.bench.ts in its own process, one after another, so that memory figures do not mix. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file} ==\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(__dirname, file)], { stdio: "inherit" });
  if (run.status !== 0) {
    failed += 1;
    process.stdout.write(`${file} failed with exit code ${String(run.status)}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
