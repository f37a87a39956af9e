/*
 * Browser entry of the stand-in: bundled by test/support/standin-bundle.ts and
 * served in place of office.js. The test seeds the workbook through
 * `window.__standInSeed` (page.addInitScript) and drives it through `window.__standIn`.
 */
import { createStandIn, type StandIn, type StandInOptions, type WorkbookSeed } from "./index";

interface StandInWindow {
  __standInSeed?: WorkbookSeed;
  __standInOptions?: StandInOptions;
  __standIn?: StandIn;
}

const w = globalThis as unknown as StandInWindow & Record<string, unknown>;
const standIn = createStandIn(w.__standInSeed, w.__standInOptions ?? {});
standIn.install(w);
w.__standIn = standIn;
