/* The report's only stylesheet: inline, for screen and for print (A4 or Letter, whichever the printer uses). */
import { STAGES, STAGE_COLORS } from "../core";

const stageRules = STAGES.map((s) => `.stage-${s}{background:${STAGE_COLORS[s].fill};color:${STAGE_COLORS[s].font}}`).join("\n");

export const REPORT_CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:10.5pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;margin:0 auto;padding:24px;max-width:60rem}
h1{font-size:18pt;margin:0 0 4px}
h2{font-size:13pt;margin:24px 0 8px;padding-bottom:2px;border-bottom:1px solid #bbb;break-after:avoid;page-break-after:avoid}
h3{font-size:11pt;margin:14px 0 6px;break-after:avoid;page-break-after:avoid}
p{margin:4px 0 8px}
.meta{color:#444;margin:0 0 8px}
.meta dt{font-weight:600;display:inline}
.meta dd{display:inline;margin:0 16px 0 4px}
nav ol{columns:2;margin:8px 0;padding-left:20px}
table{border-collapse:collapse;width:100%;margin:4px 0 10px;table-layout:auto}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:#f0f0f0;font-weight:600}
thead{display:table-header-group}
tr,td,th{break-inside:avoid;page-break-inside:avoid}
td.num,th.num{text-align:right;white-space:nowrap}
td.nw,th.nw{white-space:nowrap;overflow-wrap:normal;word-break:normal}
.stage{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap}
${stageRules}
.stage-none{background:#eee;color:#333}
.bar{display:inline-block;width:5rem;height:.7rem;border:1px solid #777;vertical-align:middle;margin-right:6px;background:#fff}
.bar>span{display:block;height:100%;background:#1f4e79}
.none{color:#555;font-style:italic}
.chart{width:100%;max-width:40rem;height:auto;display:block;margin:4px 0}
.counts table{width:auto;min-width:24rem}
a{color:#0b4f9c}
@page{margin:14mm}
@media print{
  body{padding:0;max-width:none;font-size:9.5pt}
  nav{display:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit}
  section{break-before:auto}
}
`;
