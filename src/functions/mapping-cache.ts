import { cellText, mapHeaders, rowReader, type HeaderMapping, type RowReader, type Thresholds } from "../core";
import { toCellValue } from "./excel-values";

interface Entry {
  readonly mapping: HeaderMapping;
  readonly readers: Map<string, RowReader>;
}

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly size: number;
}

/**
 * Header mappings by header texts, most recently used last. A sheet full of
 * one-row formulas shares one header row, so it is mapped once, not per cell.
 */
export class MappingCache {
  readonly #entries = new Map<string, Entry>();
  #hits = 0;
  #misses = 0;

  constructor(readonly capacity = 64) {}

  /** The mapping of a header row and a reader for it under the given thresholds. */
  reader(headerRow: readonly unknown[], thresholds: Thresholds): RowReader {
    const texts = headerRow.map((h) => cellText(toCellValue(h)));
    const key = texts.join("\u001f");
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      this.#misses += 1;
      entry = { mapping: mapHeaders(texts), readers: new Map() };
      if (this.#entries.size >= this.capacity) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
    } else {
      this.#hits += 1;
      this.#entries.delete(key);
    }
    this.#entries.set(key, entry);
    const thresholdKey = `${thresholds.prototypeQuantity}/${thresholds.lowVolumeQuantity}`;
    let reader = entry.readers.get(thresholdKey);
    if (reader === undefined) {
      if (entry.readers.size >= 8) entry.readers.clear();
      reader = rowReader(entry.mapping, thresholds);
      entry.readers.set(thresholdKey, reader);
    }
    return reader;
  }

  stats(): CacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size };
  }

  clear(): void {
    this.#entries.clear();
    this.#hits = 0;
    this.#misses = 0;
  }
}
