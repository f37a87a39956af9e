import { DEFAULT_THRESHOLDS, fail, ok, type Result, type Thresholds } from "../../core";
import {
  COLUMN_CHOICES_SETTING,
  NO_SAVED_CHOICES,
  THRESHOLDS_SETTING,
  choicesFromSetting,
  settingFromChoices,
  settingFromThresholds,
  thresholdsFromSetting,
  type SavedChoices,
} from "../settings-model";
import { describeExcelError, type Run } from "./run";

/** What the workbook's settings hold for the pane, read in one request. */
export interface StoredSettings {
  readonly thresholds: Thresholds;
  readonly choices: SavedChoices;
  /** Why a stored value was not used, if one was not. */
  readonly notes: readonly string[];
}

/** The thresholds and column choices stored with the workbook; the defaults, with a note, for a stored value that is not readable. */
export async function loadSettings(run: Run): Promise<StoredSettings> {
  const stored = await run(async (context) => {
    const thresholds = context.workbook.settings.getItemOrNullObject(THRESHOLDS_SETTING).load("value");
    const choices = context.workbook.settings.getItemOrNullObject(COLUMN_CHOICES_SETTING).load("value");
    await context.sync();
    return {
      thresholds: thresholds.isNullObject ? undefined : (thresholds.value as unknown),
      choices: choices.isNullObject ? undefined : (choices.value as unknown),
    };
  });
  const notes: string[] = [];
  const thresholds = thresholdsFromSetting(stored.thresholds);
  if (!thresholds.ok) notes.push(thresholds.issue.message);
  const choices = choicesFromSetting(stored.choices);
  if (!choices.ok) notes.push(choices.issue.message);
  return { thresholds: thresholds.ok ? thresholds.value : DEFAULT_THRESHOLDS, choices: choices.ok ? choices.value : NO_SAVED_CHOICES, notes };
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

/** Stores the column choices with the workbook (replacing what was stored); none stored removes the setting. */
export async function saveColumnChoices(run: Run, saved: SavedChoices): Promise<Result<SavedChoices, string>> {
  try {
    await run(async (context) => {
      if (saved.choices.size > 0) context.workbook.settings.add(COLUMN_CHOICES_SETTING, settingFromChoices(saved));
      else {
        const setting = context.workbook.settings.getItemOrNullObject(COLUMN_CHOICES_SETTING);
        await context.sync();
        if (!setting.isNullObject) setting.delete();
      }
      await context.sync();
    });
    return ok(saved);
  } catch (error) {
    return fail(describeExcelError(error, saved.choices.size > 0 ? "saving the column choices" : "forgetting the column choices"));
  }
}
