const CURRENCY = String.raw`(?:[$€£¥₹₩]|us\$|usd|eur|euro|euros|gbp|chf|cny|rmb|jpy|inr|cad|aud|sek|nok|dkk|pln|czk|huf|mxn|brl|krw|sgd|hkd|twd)`;
const AMOUNT = String.raw`\d{1,3}(?:[,.' \u00a0\u202f]\d{3})*(?:[.,]\d{1,4})?|\d+(?:[.,]\d{1,4})?|[.,]\d{1,4}`;
const PER = String.raw`(?:\s*(?:\/|per)\s*(?:pc|pcs|piece|part|unit|ea|each|kpcs|k|1000|100)\.?|\s*(?:each|ea|apiece))?(?:\s*(?:@|at)\s*[\d.,']+\s*(?:k|m)?\s*(?:pcs|pieces|units|parts|\/\s*yr|\/\s*year|eau)?)?`;

/** A price with its currency: "$4.20", "4.20 EUR", "€3.75", "USD 12.50", "12,50 €", "$4.20/pc". */
const WITH_CURRENCY = new RegExp(String.raw`^(?:${CURRENCY}\s*(?:${AMOUNT})|(?:${AMOUNT})\s*${CURRENCY})${PER}$`, "u");
/** A bare amount, as a price column holds it: "4.20", "0.85", "1,250.00", "4.20/pc". */
const BARE = new RegExp(String.raw`^(?:${AMOUNT})${PER}$`, "u");

const key = (text: string): string =>
  text
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^~\s*|^approx\.?\s*|^ca\.?\s*/u, "");

/** True for text that is a money amount with a currency. */
export function isMoneyText(text: string): boolean {
  return WITH_CURRENCY.test(key(text));
}

/** True for text that is a positive amount, with or without a currency. */
export function isPriceText(text: string): boolean {
  const k = key(text);
  if (!WITH_CURRENCY.test(k) && !BARE.test(k)) return false;
  return /[1-9]/u.test(k);
}
