/**
 * The shared strings, packed: every 4,096 strings are stored as UTF-8 in one
 * buffer with their offsets in a typed array, and a string is decoded when a
 * cell asks for it. A million short strings held one by one cost some 50
 * bytes each in V8; packed, about their bytes plus 4. The buffers live outside
 * V8's heap, which V8 lets grow to a multiple of what it holds: a table of a
 * million strings kept in the heap raised the peak of a 1,048,576-row run by
 * more than its own size.
 */

export interface StringTable {
  readonly length: number;
  at(index: number): string | undefined;
}

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Strings of this many bytes or more are decoded once and kept (a sheet may refer to one long string thousands of times). */
const LONG_BYTES = 1024;
/** The most characters of long strings kept decoded; past it they are decoded at each use. */
const LONG_BUDGET = 8 << 20;
/** A lone surrogate (the u flag reads a well-formed pair as one code point), which UTF-8 cannot hold. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export class PackedStrings implements StringTable {
  private readonly chunks: Buffer[] = [];
  private offsets = new Uint32Array(CHUNK);
  private pending = Buffer.allocUnsafeSlow(1 << 16);
  private pendingLength = 0;
  /** The rare strings with a lone surrogate, kept as they are. */
  private readonly odd = new Map<number, string>();
  private readonly long = new Map<number, string>();
  private longCharacters = 0;
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
    if (LONE_SURROGATE.test(text)) this.odd.set(this.count, text);
    else if (text !== "") {
      const needed = this.pendingLength + text.length * 3;
      if (needed > this.pending.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.pending.length * 2));
        this.pending.copy(grown, 0, 0, this.pendingLength);
        this.pending = grown;
      }
      this.pendingLength += this.pending.write(text, this.pendingLength, "utf8");
    }
    this.count += 1;
    if ((this.count & (CHUNK - 1)) === 0) this.seal();
  }

  private seal(): void {
    const sealed = Buffer.allocUnsafeSlow(this.pendingLength);
    this.pending.copy(sealed, 0, 0, this.pendingLength);
    this.chunks.push(sealed);
    this.pendingLength = 0;
  }

  /** Stores the strings still pending; call once every string is in. */
  done(): this {
    if ((this.count & (CHUNK - 1)) !== 0) this.seal();
    this.pending = Buffer.alloc(0);
    return this;
  }

  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    if (this.odd.size > 0) {
      const odd = this.odd.get(index);
      if (odd !== undefined) return odd;
    }
    const chunk = this.chunks[index >>> CHUNK_BITS];
    if (chunk === undefined) return undefined;
    const start = this.offsets[index] ?? 0;
    const last = (index & (CHUNK - 1)) === CHUNK - 1 || index === this.count - 1;
    const end = last ? chunk.length : (this.offsets[index + 1] ?? chunk.length);
    if (end - start < LONG_BYTES) return chunk.toString("utf8", start, end);
    const kept = this.long.get(index);
    if (kept !== undefined) return kept;
    const text = chunk.toString("utf8", start, end);
    if (this.longCharacters + text.length <= LONG_BUDGET) {
      this.long.set(index, text);
      this.longCharacters += text.length;
    }
    return text;
  }
}
