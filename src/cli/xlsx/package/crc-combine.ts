/**
 * The CRC-32 of two byte runs joined, from the CRC of each and the length of
 * the second (zlib's crc32_combine, which node:zlib does not expose): the
 * classified sheet's head is deflated after its rows, and the entry's CRC is
 * that of head then rows.
 */

function times(matrix: readonly number[], vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i += 1, v >>>= 1) if ((v & 1) !== 0) sum ^= matrix[i] ?? 0;
  return sum >>> 0;
}

function square(matrix: readonly number[]): number[] {
  return matrix.map((row) => times(matrix, row));
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1 >>> 0;
  // The operator for one zero bit, then for two, four... zero bytes.
  let odd: number[] = [0xedb88320];
  for (let n = 1, row = 1; n < 32; n += 1, row = (row << 1) >>> 0) odd.push(row);
  let even = square(odd);
  odd = square(even);
  let crc = crc1 >>> 0;
  let remaining = length2;
  for (;;) {
    even = square(odd);
    if (remaining % 2 === 1) crc = times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    odd = square(even);
    if (remaining % 2 === 1) crc = times(odd, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
  }
  return (crc ^ crc2) >>> 0;
}
