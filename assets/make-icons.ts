/*
 * Draws the add-in's icons (three rising bars on a rounded blue tile: prototyping,
 * low volume, mass production) and writes them as PNG files next to this script.
 * Offline and dependency-free: run `npm run icons` after changing the drawing.
 */
import { writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const TILE: Rgba = [15, 108, 189, 255];
const BAR: Rgba = [255, 255, 255, 255];
const TOP_BAR: Rgba = [133, 222, 160, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The drawing in unit coordinates (0..1, y down): which colour covers a point. */
function colourAt(x: number, y: number): Rgba {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return CLEAR;
  const bars = [
    { left: 0.2, top: 0.58 },
    { left: 0.43, top: 0.4 },
    { left: 0.66, top: 0.2 },
  ];
  for (const [i, bar] of bars.entries()) {
    if (x >= bar.left && x <= bar.left + 0.15 && y >= bar.top && y <= 0.8) return i === bars.length - 1 ? TOP_BAR : BAR;
  }
  return TILE;
}

/** RGBA pixels of one icon, 4x4 supersampled so that small sizes stay smooth. */
function render(size: number): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          const alpha = c[3] / 255;
          for (let k = 0; k < 3; k += 1) sum[k] = (sum[k] ?? 0) + (c[k] ?? 0) * alpha;
          sum[3] = (sum[3] ?? 0) + c[3];
        }
      }
      const n = samples * samples;
      const alphaSum = (sum[3] ?? 0) / 255;
      const offset = (py * size + px) * 4;
      for (let k = 0; k < 3; k += 1) pixels[offset + k] = alphaSum === 0 ? 0 : Math.round((sum[k] ?? 0) / alphaSum);
      pixels[offset + 3] = Math.round((sum[3] ?? 0) / n);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of a square image. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function main(): void {
  for (const size of ICON_SIZES) {
    const file = path.join(__dirname, `icon-${size}.png`);
    const temp = `${file}.tmp`;
    writeFileSync(temp, encodePng(size, render(size)));
    renameSync(temp, file);
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

main();
