/* Bundles the stand-in for the browser (one script, no imports) with the project's webpack and ts-loader. */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import webpack from "webpack";

const OUT = path.resolve(__dirname, "../../test-output/standin");

let built: Promise<string> | undefined;

/** The stand-in as script text, built once per test process. */
export function standInScript(): Promise<string> {
  built ??= build();
  return built;
}

async function build(): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.resolve(__dirname, "excel-standin/browser.ts"),
    output: { path: OUT, filename: "standin.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/u, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2020" } } }] },
    infrastructureLogging: { level: "error" },
  });
  await new Promise<void>((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    });
  });
  return readFile(path.join(OUT, "standin.js"), "utf8");
}
