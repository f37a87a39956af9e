import { DEFAULT_THRESHOLDS, fail, ok, type Result, type Thresholds } from "../../core";
import { THRESHOLDS_SETTING, settingFromThresholds, thresholdsFromSetting } from "../settings-model";
import { describeExcelError, type Run } from "./run";

/** The thresholds stored with the workbook; the defaults, with a note, when the stored ones are not readable. */
export async function loadThresholds(run: Run): Promise<{ readonly thresholds: Thresholds; readonly note?: string }> {
  const stored = await run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(THRESHOLDS_SETTING).load("value");
    await context.sync();
    return setting.isNullObject ? undefined : (setting.value as unknown);
  });
  const read = thresholdsFromSetting(stored);
  return read.ok ? { thresholds: read.value } : { thresholds: DEFAULT_THRESHOLDS, note: read.issue.message };
}

export async function saveThresholds(run: Run, thresholds: Thresholds): Promise<Result<Thresholds, string>> {
  try {
    await run(async (context) => {
      context.workbook.settings.add(THRESHOLDS_SETTING, settingFromThresholds(thresholds));
      await context.sync();
    });
    return ok(thresholds);
  } catch (error) {
    return fail(describeExcelError(error, "saving the thresholds"));
  }
}
