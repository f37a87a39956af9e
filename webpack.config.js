/*
 * Builds dist/: the shared-runtime page (task pane + custom functions), functions.json, help.html, the manifest and the icons.
 * `webpack serve` (npm run dev-server) serves the same files from memory over HTTPS on https://localhost:3000/.
 */
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** The URL the source manifest and the functions' help links are written with. */
const DEV_URL = "https://localhost:3000/";
const DEV_URL_PATTERN = /https:\/\/localhost:3000\//g;
const DEV_PORT = 3000;

/** Where dist/ is hosted: ADDIN_BASE_URL for a production build, else the dev URL. Office loads add-ins over HTTPS only. */
function baseUrlFor(dev) {
  const url = (dev ? DEV_URL : process.env.ADDIN_BASE_URL || DEV_URL).trim().replace(/\/?$/, "/");
  if (!/^https:\/\/[^/\s]+\/\S*$/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https:// URL such as https://parts.example.com/readiness/ (got "${url}").`);
  }
  return url;
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The help page every function's helpUrl points to, written from the generated metadata so that it cannot drift. */
function helpPage(metadata) {
  const sections = metadata.functions.map((f) => {
    const params = f.parameters
      .map((p) => `<li><code>${escapeHtml(p.name)}</code>${p.optional ? " (optional)" : ""}: ${escapeHtml(p.description ?? "")}</li>`)
      .join("\n");
    const signature = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    return [
      `<section id="${escapeHtml(f.id)}">`,
      `<h2><code>=${escapeHtml(f.name)}(${escapeHtml(signature)})</code></h2>`,
      `<p>${escapeHtml(f.description)}</p>`,
      params ? `<ul>\n${params}\n</ul>` : "<p>No arguments.</p>",
      `</section>`,
    ].join("\n");
  });
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Part Readiness functions</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45}code{font-family:Consolas,monospace}h2{font-size:1.05rem;margin-top:2rem}</style></head>
<body>
<h1>Part Readiness functions</h1>
<p>Each function takes <code>criteria</code>, one or more part rows, and optionally <code>headers</code>, the header row above them with the same width.
Without <code>headers</code> the first row of <code>criteria</code> is read as the header row. Many rows in give one result per row, spilled downwards.
A header row that names no criterion, or <code>headers</code> and <code>criteria</code> of different widths, give <code>#VALUE!</code> with a message that says what was expected;
a cell that cannot be read counts as unknown and never makes the whole column an error. <code>=READINESS_CRITERIA()</code> lists the column headers and values each criterion accepts,
and <code>=READINESS_COLUMNS(headers)</code> shows how each column of a header row is read. The optional last argument <code>mapping</code>, a two-column range of header and criterion pairs
(a criterion id or name, or <code>none</code>), says how to read columns the automatic reading gets wrong.</p>
${sections.join("\n")}
</body>
</html>
`;
}

/** Rewrites the dev URL in functions.json and writes help.html next to it. */
class AddinPagesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinPagesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const json = asset.source.source().toString().replace(DEV_URL_PATTERN, this.baseUrl);
        compilation.updateAsset("functions.json", new webpack.sources.RawSource(json));
        compilation.emitAsset("help.html", new webpack.sources.RawSource(helpPage(JSON.parse(json))));
      });
    });
  }
}

/**
 * webpack-dev-server's options for `webpack serve`: HTTPS on localhost only, files from memory (dist/ is left alone),
 * a page reload on rebuild. `--env certs=DIR` uses (and makes) an untrusted certificate in DIR instead of the trusted one.
 */
async function devServerFor(env) {
  const { devServerHttps } = require("./scripts/dev-certs");
  const https = await devServerHttps({ dir: env.certs });
  return {
    host: "localhost",
    port: DEV_PORT,
    server: { type: "https", options: { ca: https.ca, cert: https.cert, key: https.key } },
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    hot: false,
    liveReload: true,
    client: { overlay: { errors: true, warnings: false } },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const baseUrl = baseUrlFor(dev);
  return {
    ...(env.WEBPACK_SERVE ? { devServer: await devServerFor(env) } : {}),
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json" } } },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 },
    stats: "errors-warnings",
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new AddinPagesPlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replace(DEV_URL_PATTERN, baseUrl),
          },
        ],
      }),
    ],
  };
};
