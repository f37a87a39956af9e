import { RESULT_HEADERS } from "../../core";

export interface Placed<T> {
  readonly row: readonly T[];
  /** The row had values of its own where the results go; they were moved right of the results. */
  readonly displaced: boolean;
}

export interface PlaceOptions<T> {
  readonly resultColumn: number;
  /** The results replace an earlier run's five columns. */
  readonly rewrite: boolean;
  readonly blank: T;
  readonly hasValue: (cell: T) => boolean;
}

/**
 * Lays out one output row: the row's own cells left of `resultColumn`, the five
 * results (or five blanks), then the rest. An earlier run's result columns are
 * replaced; a value of the user's where the results go is moved right of them,
 * never overwritten. `results` undefined leaves the row as it is (unless an
 * earlier run's results must be cleared or a value moved).
 */
export function placeResults<T>(values: readonly T[], results: readonly T[] | undefined, options: PlaceOptions<T>): Placed<T> {
  const { resultColumn, rewrite, blank, hasValue } = options;
  const width = RESULT_HEADERS.length;
  let displaced = false;
  if (!rewrite) {
    for (let i = resultColumn; i < values.length; i += 1) {
      if (hasValue(values[i] as T)) {
        displaced = true;
        break;
      }
    }
  }
  if (results === undefined && !rewrite && !displaced) return { row: values, displaced: false };
  const row: T[] = values.slice(0, resultColumn);
  while (row.length < resultColumn) row.push(blank);
  if (results === undefined) for (let i = 0; i < width; i += 1) row.push(blank);
  else row.push(...results);
  for (let i = displaced ? resultColumn : resultColumn + width; i < values.length; i += 1) row.push(values[i] as T);
  return { row, displaced };
}
