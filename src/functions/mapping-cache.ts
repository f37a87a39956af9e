import { cellText, mapHeaders, NO_CHOICES, rowReader, type ColumnChoices, type HeaderMapping, type RowReader, type Thresholds } from "../core";
import { toCellValue } from "./excel-values";

type Rows = readonly (readonly unknown[])[];

/** The user's column choices and a canonical key for them (`""` for none). */
export interface KeyedChoices {
  readonly choices: ColumnChoices;
  readonly key: string;
}

export const NO_KEYED_CHOICES: KeyedChoices = { choices: NO_CHOICES, key: "" };

/** A key that is the same for the same choices, whatever order they were given in. */
export function choicesKey(choices: ColumnChoices): string {
  return [...choices]
    .map(([header, target]) => `${header}\u001f${target}`)
    .sort()
    .join("\u001e");
}

export interface MappingRequest {
  readonly choices?: KeyedChoices;
  /** The part rows under the header row, as the core reads cells; they decide between two columns of one criterion. */
  readonly sample?: Rows;
}

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly size: number;
  /** Times the core mapped a header row again with the part rows, because two columns claim one criterion. */
  readonly sampled: number;
}

/** A mapping and its row readers, one per thresholds. */
interface Resolved {
  readonly mapping: HeaderMapping;
  readonly readers: Map<string, RowReader>;
}

interface Entry {
  readonly texts: readonly string[];
  readonly choices: ColumnChoices;
  /** The mapping without looking at any cell: what the header texts and the choices say. */
  readonly base: Resolved;
  /** Columns of every criterion that two columns claim (and no choice settles): only their cells can change the mapping. */
  readonly contested: readonly number[];
  /** Mappings decided by the cells, by the contested cells' contents. */
  readonly bySample: Map<string, Resolved>;
  /** The same mappings by which column each criterion is read from, so that a reader is built once per outcome. */
  readonly byOutcome: Map<string, Resolved>;
}

/** Rows the core looks at when values decide between columns (mapHeaders reads no more). */
const SAMPLE_ROWS = 200;
const SAMPLES_PER_ENTRY = 512;
const READERS_PER_MAPPING = 8;

function contestedColumns(mapping: HeaderMapping): number[] {
  const columns = new Set<number>();
  for (const i of mapping.ignored) {
    if (i.reason !== "duplicate" || i.criterion === undefined) continue;
    const kept = mapping.byCriterion[i.criterion];
    // The user's choice wins whatever the cells say.
    if (kept === undefined || kept.match === "user") continue;
    columns.add(i.column);
    columns.add(kept.column);
  }
  return [...columns].sort((a, b) => a - b);
}

/** What the contested cells of the sample hold: mapHeaders decides from nothing else. */
function sampleKey(sample: Rows, columns: readonly number[]): string {
  const parts: string[] = [];
  const rows = Math.min(sample.length, SAMPLE_ROWS);
  for (let r = 0; r < rows; r += 1) {
    const row = sample[r];
    for (const c of columns) {
      const v = row?.[c];
      parts.push(`${typeof v}:${cellText(v)}`);
    }
  }
  return parts.join("\u001f");
}

const outcomeKey = (m: HeaderMapping): string => m.columns.map((c) => `${c.column}:${c.criterion}:${c.match}`).join(",");

/**
 * Header mappings by header texts and the user's choices, most recently used
 * last. A sheet full of one-row formulas shares one header row, so it is mapped
 * once, not per cell. The cells matter only when two columns claim one
 * criterion: then the mapping is decided again from the part rows, and kept by
 * what the contested cells hold, so repeated values cost a lookup.
 */
export class MappingCache {
  readonly #entries = new Map<string, Entry>();
  #hits = 0;
  #misses = 0;
  #sampled = 0;

  constructor(readonly capacity = 64) {}

  #entry(headerRow: readonly unknown[], choices: KeyedChoices): Entry {
    const texts = headerRow.map((h) => cellText(toCellValue(h)));
    const key = `${texts.join("\u001f")}\u001d${choices.key}`;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#misses += 1;
      const base: Resolved = { mapping: mapHeaders(texts, { choices: choices.choices }), readers: new Map() };
      entry = { texts, choices: choices.choices, base, contested: contestedColumns(base.mapping), bySample: new Map(), byOutcome: new Map() };
      if (this.#entries.size >= this.capacity) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
    } else {
      this.#hits += 1;
      this.#entries.delete(key);
    }
    this.#entries.set(key, entry);
    return entry;
  }

  #resolve(entry: Entry, sample: Rows | undefined): Resolved {
    if (entry.contested.length === 0 || sample === undefined || sample.length === 0) return entry.base;
    const key = sampleKey(sample, entry.contested);
    const known = entry.bySample.get(key);
    if (known !== undefined) return known;
    this.#sampled += 1;
    const mapping = mapHeaders(entry.texts, { choices: entry.choices, sample });
    const outcome = outcomeKey(mapping);
    let resolved = outcome === outcomeKey(entry.base.mapping) ? entry.base : entry.byOutcome.get(outcome);
    if (resolved === undefined) {
      resolved = { mapping, readers: new Map() };
      entry.byOutcome.set(outcome, resolved);
    }
    if (entry.bySample.size >= SAMPLES_PER_ENTRY) entry.bySample.clear();
    entry.bySample.set(key, resolved);
    return resolved;
  }

  /** How the core maps a header row, given the user's choices and the part rows below it. */
  mapping(headerRow: readonly unknown[], request: MappingRequest = {}): HeaderMapping {
    return this.#resolve(this.#entry(headerRow, request.choices ?? NO_KEYED_CHOICES), request.sample).mapping;
  }

  /** A reader for the mapping of a header row under the given thresholds. */
  reader(headerRow: readonly unknown[], thresholds: Thresholds, request: MappingRequest = {}): RowReader {
    const resolved = this.#resolve(this.#entry(headerRow, request.choices ?? NO_KEYED_CHOICES), request.sample);
    const thresholdKey = `${thresholds.prototypeQuantity}/${thresholds.lowVolumeQuantity}`;
    let reader = resolved.readers.get(thresholdKey);
    if (reader === undefined) {
      if (resolved.readers.size >= READERS_PER_MAPPING) resolved.readers.clear();
      reader = rowReader(resolved.mapping, thresholds);
      resolved.readers.set(thresholdKey, reader);
    }
    return reader;
  }

  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size, sampled: this.#sampled };
  }

  clear(): void {
    this.#entries.clear();
    this.#hits = 0;
    this.#misses = 0;
    this.#sampled = 0;
  }
}
