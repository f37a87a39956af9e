/**
 * Writes the output package: every entry of the input in its order, copied as
 * it was stored unless it is replaced or removed; replaced entries keep their
 * place (and their name bytes, time and attributes); new parts go last.
 */
import { createReadStream } from "node:fs";
import type { ZipEntry } from "../../input/zip-directory";
import type { OpenPackage } from "./open";
import { newEntry, ZipWriter, type DeflatedData } from "./zip-write";
import { storedStream } from "./zip-read";

/** New content for an entry: text to deflate, or deflated bytes (a prefix in hand, then a spool file). */
export type Replacement =
  | { readonly kind: "bytes"; readonly bytes: Buffer }
  | { readonly kind: "deflated"; readonly data: DeflatedData; readonly prefix: Buffer; readonly file: string };

export interface PackageEdits {
  /** By entry name (as in the zip, case-insensitive). */
  readonly replaced: ReadonlyMap<string, Replacement>;
  readonly removed: ReadonlySet<string>;
  /** New parts, in order. */
  readonly added: readonly { readonly path: string; readonly bytes: Buffer }[];
}

async function writeReplacement(writer: ZipWriter, template: Parameters<ZipWriter["add"]>[0], r: Replacement): Promise<void> {
  if (r.kind === "bytes") await writer.add(template, r.bytes);
  else await writer.addDeflated(template, r.data, prefixed(r.prefix, createReadStream(r.file, { highWaterMark: 1 << 20 })));
}

async function* prefixed(prefix: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (prefix.length > 0) yield prefix;
  yield* rest;
}

export async function writePackage(pkg: OpenPackage, output: string, edits: PackageEdits): Promise<void> {
  const writer = await ZipWriter.create(output);
  try {
    const done = new Set<string>();
    for (const entry of pkg.index.entries) {
      const key = entry.name.toLowerCase();
      if (edits.removed.has(key)) continue;
      const replacement = done.has(key) ? undefined : edits.replaced.get(key);
      if (replacement !== undefined) {
        done.add(key);
        await writeReplacement(writer, templateOf(entry), replacement);
      } else await writer.copy(entry, await storedStream(pkg.file, pkg.handle, entry));
    }
    for (const part of edits.added) {
      if (done.has(part.path.toLowerCase())) continue;
      await writer.add(newEntry(part.path), part.bytes);
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

function templateOf(entry: ZipEntry): ZipEntry {
  // A replaced entry is always deflated and has no encryption flag left to claim.
  return { ...entry, flags: entry.flags & ~0x0001 };
}
