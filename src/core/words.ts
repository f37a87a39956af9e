import { distance } from "fastest-levenshtein";
import stem from "wink-porter2-stemmer";

/** Short forms in real headers, spelled out before stemming ("Dwg Rev" -> drawing revision). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  dwg: "drawing",
  drw: "drawing",
  drg: "drawing",
  dwgs: "drawing",
  qty: "quantity",
  qtys: "quantity",
  qnty: "quantity",
  quan: "quantity",
  quant: "quantity",
  insp: "inspection",
  matl: "material",
  mtl: "material",
  matls: "material",
  mat: "material",
  tol: "tolerance",
  tols: "tolerance",
  tolerances: "tolerance",
  rev: "revision",
  revs: "revision",
  fn: "function",
  func: "function",
  funct: "function",
  fct: "function",
  est: "estimated",
  estd: "estimated",
  yr: "year",
  yrs: "year",
  yrly: "yearly",
  ann: "annual",
  annl: "annual",
  req: "required",
  reqd: "required",
  approx: "approximate",
  no: "number",
  nr: "number",
  num: "number",
  nbr: "number",
  pn: "part number",
  spec: "specification",
  specs: "specification",
  ctf: "critical",
  mfg: "manufacturing",
  manuf: "manufacturing",
  mfr: "maker",
  mfgr: "maker",
  manufacturer: "maker",
  dfma: "dfm",
  assy: "assembly",
  asm: "assembly",
  qual: "qualification",
  cert: "certificate",
  certs: "certificate",
  desc: "description",
  dims: "dimension",
  dim: "dimension",
  char: "characteristic",
  chars: "characteristic",
  proto: "prototype",
  protos: "prototype",
  vol: "volume",
  vols: "volume",
  sup: "supplier",
  supp: "supplier",
  suppl: "supplier",
  pcs: "piece",
  pc: "piece",
  ea: "each",
  uom: "uom",
  fcst: "forecast",
  fcast: "forecast",
  ctrl: "control",
  qc: "quality",
  qa: "quality",
  prod: "production",
  eng: "engineering",
  engr: "engineer",
};

/** German words common in European part lists, read as their English counterparts. */
const GERMAN: Readonly<Record<string, string>> = {
  zeichnung: "drawing",
  zeichnungsfreigabe: "drawing release",
  freigabe: "release",
  freigegeben: "released",
  zeichnungsstand: "drawing revision",
  werkstoff: "material",
  oberfläche: "surface finish",
  oberflaeche: "surface finish",
  oberflächenbehandlung: "surface treatment",
  beschichtung: "coating",
  funktionsprüfung: "function test",
  funktionspruefung: "function test",
  toleranzen: "tolerance",
  toleranz: "tolerance",
  geprüft: "checked",
  geprueft: "checked",
  prüfplan: "inspection plan",
  pruefplan: "inspection plan",
  erstmusterprüfung: "first article inspection",
  erstmusterpruefung: "first article inspection",
  stückpreis: "piece price",
  stueckpreis: "piece price",
  einzelpreis: "unit price",
  zielpreis: "target price",
  preis: "price",
  menge: "quantity",
  stückzahl: "quantity",
  stueckzahl: "quantity",
  bestellmenge: "order quantity",
  anz: "quantity",
  anzahl: "quantity",
  jahresbedarf: "annual demand",
  jahresmenge: "annual quantity",
  verwendungszweck: "purpose",
  lieferantenfreigabe: "supplier approval",
  status: "status",
};

/** British and American spellings fold to one ("optimised" = "optimized"). */
function american(word: string): string {
  return word.replace(/is(e|ed|es|ing|ation|ations)$/u, "iz$1").replace(/our$/u, "or");
}

const STEM_FOLDS: Readonly<Record<string, string>> = {
  verifi: "verif",
  qualifi: "qualif",
  specifi: "specif",
  certifi: "certif",
  frozen: "freez",
  quantiti: "quantiti",
};

/** The stem a word is compared by. */
export function stemOf(word: string): string {
  const s = stem(american(word));
  return Object.hasOwn(STEM_FOLDS, s) ? (STEM_FOLDS[s] as string) : s;
}

/** A header's words, lower-cased and spelled out, before stemming. camelCase and snake_case split. */
export function rawHeaderWords(text: string): string[] {
  const spaced = text
    .normalize("NFKC")
    .replace(/([a-z])([A-Z])/gu, "$1 $2")
    .toLowerCase()
    .replace(/\(\s*y\s*\/\s*n\s*\)|\by\s*\/\s*n\b|\byes\s*\/\s*no\b/gu, " ")
    .replace(/\b(?:no\.?|nr\.?|number|#)\s*of\s+(?:pieces|pcs|parts|units)\b/gu, " quantity ")
    .replace(/\bp\.\s?a\.?(?=\s|$)|\bper annum\b/gu, " per annum ")
    .replace(/#/gu, " number ")
    .replace(/&/gu, " and ")
    .replace(/['\u2019]/gu, "");
  const words: string[] = [];
  for (const word of spaced.split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") continue;
    // Own keys only: a header may say "constructor" or "__proto__".
    const long = Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : Object.hasOwn(GERMAN, word) ? GERMAN[word] : undefined;
    if (long === undefined) words.push(word);
    else words.push(...long.split(" "));
  }
  return words;
}

/**
 * A word from a fixed vocabulary that `word` is a typo of: one edit for words
 * of 5 to 7 letters, two from 8 letters; undefined when none or more than one
 * vocabulary word is that close.
 */
export function typoOf(word: string, vocabulary: readonly string[]): string | undefined {
  if (word.length < 5 || /\d/u.test(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const candidate of vocabulary) {
    if (candidate.length < 5 || Math.abs(candidate.length - word.length) > allowed) continue;
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best && stemOf(candidate) !== stemOf(best ?? "")) tie = true;
  }
  return best !== undefined && bestDistance <= allowed && bestDistance > 0 && !tie ? best : undefined;
}
