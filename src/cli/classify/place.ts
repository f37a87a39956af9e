import { RESULT_HEADERS } from "../../core";

export interface Placed<T> {
  readonly row: readonly T[];
  /** The row had values of its own where the results go; they were moved right of the results. */
  readonly displaced: boolean;
}

export interface PlaceOptions<T> {
  readonly resultColumn: number;
  /** The results replace an earlier run's result columns. */
  readonly rewrite: boolean;
  /** How many columns the earlier run's results take (default five). */
  readonly replaced?: number;
  /** How many result columns are written (default five). */
  readonly width?: number;
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
  const width = options.width ?? RESULT_HEADERS.length;
  // The user's cells start past the earlier results (when rewriting); any of them where the new results go moves right of them.
  const rest = resultColumn + (rewrite ? (options.replaced ?? RESULT_HEADERS.length) : 0);
  let displaced = false;
  for (let i = rest; i < Math.min(values.length, rewrite ? rest + Math.max(0, width - (options.replaced ?? RESULT_HEADERS.length)) : values.length); i += 1) {
    if (hasValue(values[i] as T)) {
      displaced = true;
      break;
    }
  }
  if (results === undefined && !rewrite && !displaced) return { row: values, displaced: false };
  const row: T[] = values.slice(0, resultColumn);
  while (row.length < resultColumn) row.push(blank);
  if (results === undefined) for (let i = 0; i < width; i += 1) row.push(blank);
  else row.push(...results);
  if (displaced) for (let i = rest; i < values.length; i += 1) row.push(values[i] as T);
  else if (values.length > Math.max(rest, row.length)) {
    // Fewer result columns than the earlier run's: the user's cells keep their columns.
    while (row.length < rest) row.push(blank);
    for (let i = row.length; i < values.length; i += 1) row.push(values[i] as T);
  }
  return { row, displaced };
}
