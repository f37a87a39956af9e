/* Builds dist/: the shared-runtime page (task pane + custom functions), functions.json and the manifest. */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** Where dist/ is hosted; the manifest's URLs are rewritten to it. */
const DEV_URL = "https://localhost:3000/";
const PROD_URL = process.env.ADDIN_BASE_URL || "https://localhost:3000/";

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = (dev ? DEV_URL : PROD_URL).replace(/\/?$/, "/");
  return {
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
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replace(/https:\/\/localhost:3000\//g, baseUrl),
          },
        ],
      }),
    ],
  };
};
