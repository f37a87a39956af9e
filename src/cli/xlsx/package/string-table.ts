/**
 * The shared strings, packed: every 4,096 strings are joined into one string
 * with their offsets in a typed array, and a string is sliced out when a cell
 * asks for it. A million short strings held one by one cost some 50 bytes
 * each in V8; packed, about their characters plus 4 bytes.
 */

export interface StringTable {
  readonly length: number;
  at(index: number): string | undefined;
}

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;

export class PackedStrings implements StringTable {
  private readonly chunks: string[] = [];
  private offsets = new Uint32Array(CHUNK);
  private pending: string[] = [];
  private pendingLength = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.count >= this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.count] = this.pendingLength;
    this.pending.push(text);
    this.pendingLength += text.length;
    this.count += 1;
    if (this.pending.length === CHUNK) this.seal();
  }

  private seal(): void {
    this.chunks.push(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Joins the strings still pending; call once every string is in. */
  done(): this {
    if (this.pending.length > 0) this.seal();
    return this;
  }

  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const chunk = this.chunks[index >>> CHUNK_BITS];
    if (chunk === undefined) return undefined;
    const start = this.offsets[index] ?? 0;
    const last = (index & (CHUNK - 1)) === CHUNK - 1 || index === this.count - 1;
    const end = last ? chunk.length : (this.offsets[index + 1] ?? chunk.length);
    return chunk.slice(start, end);
  }
}
