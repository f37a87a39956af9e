/** Package relationships: a part's .rels file, types matched by their last path segment (transitional and Strict alike). */
import path from "node:path";
import { attribute, tokens } from "./xml-tokens";

export interface Relationship {
  readonly id: string;
  /** The type's last path segment: "worksheet", "officeDocument", "styles"... */
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

export function readRelationships(xml: string): Relationship[] {
  const found: Relationship[] = [];
  for (const t of tokens(xml)) {
    if (t.kind !== "open" || t.local !== "Relationship") continue;
    const type = attribute(t.attrs, "Type") ?? "";
    found.push({
      id: attribute(t.attrs, "Id") ?? "",
      type: type.slice(type.lastIndexOf("/") + 1),
      target: attribute(t.attrs, "Target") ?? "",
      external: (attribute(t.attrs, "TargetMode") ?? "").toLowerCase() === "external",
    });
  }
  return found;
}

/** A relationship's target as a zip entry name, from the part that holds the relationship ("" for the package). */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0] ?? "";
  if (clean.startsWith("/")) return path.posix.normalize(clean).replace(/^\/+/u, "");
  const dir = source === "" ? "" : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(dir === "." ? "" : dir, decodeURIComponentSafe(clean))).replace(/^\/+/u, "");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
