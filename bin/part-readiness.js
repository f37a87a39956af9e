#!/usr/bin/env node
"use strict";
const { main, exitOnSignals } = require("../build/cli/main.js");
// Ctrl-C and kills stop the run at once, with 130 or 143, and remove unfinished output files.
exitOnSignals();
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`part-readiness: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
