/*
 * A small HTML builder in which markup cannot come from data: a plain string
 * given as a child or an attribute value is always escaped; only an Html
 * value made here (or by `trusted` for the report's own constant markup)
 * passes through unchanged.
 */
import { escapeHtml } from "./escape";

declare const HTML: unique symbol;

/** Markup built by this module, safe to concatenate. */
export interface Html {
  readonly [HTML]: true;
  readonly html: string;
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];

const make = (html: string): Html => ({ html }) as Html;

/** For the report's own constant markup (its CSS, the doctype): never for data. */
export function trusted(html: string): Html {
  return make(html);
}

const TAG = /^[a-z][a-z0-9]*$/u;
const ATTRIBUTE = /^[a-zA-Z][a-zA-Z0-9-]*$/u;
const VOID = new Set(["meta", "br", "col", "rect", "line"]);

function childHtml(child: Child): string {
  if (child === null || child === undefined || child === false) return "";
  if (typeof child === "string") return escapeHtml(child);
  if (typeof child === "number") return escapeHtml(String(child));
  if (Array.isArray(child)) return (child as readonly Child[]).map(childHtml).join("");
  return (child as Html).html;
}

/** Children as markup, strings escaped. */
export function fragment(...children: readonly Child[]): Html {
  return make(childHtml(children));
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * `<tag attr="value">children</tag>`. Tag and attribute names are the
 * report's own (a name that is not plain letters and digits is a
 * programmer error); every value is escaped. Attributes whose name starts
 * with "on" are refused: the report runs no script.
 */
export function el(tag: string, attributes: Attributes, ...children: readonly Child[]): Html {
  if (!TAG.test(tag) || tag === "script") throw new Error(`not a report tag: ${tag}`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE.test(name) || name.toLowerCase().startsWith("on")) throw new Error(`not a report attribute: ${name}`);
    if (value !== undefined) open += ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID.has(tag)) {
    if (children.length > 0) throw new Error(`<${tag}> has no children`);
    return make(tag === "meta" || tag === "br" || tag === "col" ? `${open}>` : `${open}/>`);
  }
  return make(`${open}>${childHtml(children)}</${tag}>`);
}
