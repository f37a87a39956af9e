import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { applySplices, attributeValue, attributes, rootElement, scanChildren, setAttribute } from "../../../../src/cli/xlsx/parts/xml-scan";

interface Node {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: readonly Node[];
  readonly selfClose: boolean;
}

const names = fc.constantFrom("a", "x:b", "sheetData", "y:col", "c");
const attrValue = fc.constantFrom("1", "a > b", "it's", 'say "hi"', "", "/>");
const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    name: names,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("min", "r:id", "val"), attrValue), { maxLength: 3, selector: ([k]) => k }),
    children: depth <= 1 ? fc.constant([]) : fc.array(node(depth - 1), { maxLength: 3 }),
    selfClose: fc.boolean(),
  }),
);
const between = fc.constantFrom("", " ", "\n  ", "text", "<!-- <a> -->", "<?pi x?>", "<![CDATA[<b></b>]]>");

function write(n: Node, fill: string): string {
  const attrs = n.attrs.map(([k, v]) => (v.includes('"') ? ` ${k}='${v}'` : ` ${k}="${v.replace(/>/gu, "&gt;")}"`)).join("");
  if (n.children.length === 0 && n.selfClose) return `<${n.name}${attrs}/>`;
  return `<${n.name}${attrs}>${fill}${n.children.map((c) => write(c, fill) + fill).join("")}</${n.name}>`;
}

describe("scanChildren", () => {
  it("finds exactly the elements directly inside the root, with their bounds, whatever they hold", () => {
    fc.assert(
      fc.property(fc.array(node(3), { maxLength: 5 }), between, (children, fill) => {
        const parts = children.map((c) => write(c, fill));
        const xml = `<?xml version="1.0"?>\n<!-- before -->\n<root xmlns:x="u" xmlns:y="v">${fill}${parts.join(fill)}${fill}</root>`;
        new XMLParser().parse(xml, true);
        const root = rootElement(xml);
        expect(root?.local).toBe("root");
        const scanned = scanChildren(xml, root?.tagEnd ?? 0);
        expect(scanned.children.map((c) => xml.slice(c.start, c.end))).toEqual(parts);
        expect(scanned.children.map((c) => c.local)).toEqual(children.map((c) => c.name.replace(/^\w+:/u, "")));
        expect(xml.slice(scanned.end)).toBe("</root>");
      }),
    );
  });

  it("reports an element the input ends inside as open, as a sheet's head ends inside <sheetData>", () => {
    const head = '<worksheet><dimension ref="A1"/><sheetData>';
    const children = scanChildren(head, head.indexOf(">") + 1).children;
    expect(children.map((c) => [c.local, c.closed])).toEqual([
      ["dimension", true],
      ["sheetData", false],
    ]);
    expect(children[1]?.tagEnd).toBe(head.length);
  });
});

describe("attributes and setAttribute", () => {
  it("set one attribute, in place or last, and leave the others as written", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom("min", "max", "width", "x:y"), attrValue), { maxLength: 4, selector: ([k]) => k }),
        fc.constantFrom("min", "max", "style"),
        fc.boolean(),
        (attrs, name, selfClose) => {
          const tag = `<col${attrs.map(([k, v]) => (v.includes('"') ? ` ${k}='${v}'` : ` ${k}="${v}"`)).join("")}${selfClose ? "/>" : ">"}`;
          const out = setAttribute(tag, name, "7");
          const expected = new Map<string, string>(attrs.map(([k, v]) => [k, v]));
          expected.set(name, "7");
          expect(new Map(attributes(out))).toEqual(expected);
          expect(out.endsWith(selfClose ? "/>" : ">")).toBe(true);
        },
      ),
    );
  });
});

describe("setAttribute keeps the tag's own text", () => {
  it.each([
    ["<pageSetUpPr />", '<pageSetUpPr fitToPage="1" />'],
    ["<pageSetUpPr/>", '<pageSetUpPr fitToPage="1"/>'],
    ['<x:pageSetUpPr autoPageBreaks="0"\n/>', '<x:pageSetUpPr autoPageBreaks="0" fitToPage="1"\n/>'],
    ['<pageSetUpPr fitToPage="0" >', '<pageSetUpPr fitToPage="1" >'],
  ] as const)("%j -> %j", (tag, expected) => {
    expect(setAttribute(tag, "fitToPage", "1")).toBe(expected);
  });
});

describe("attributeValue", () => {
  it("reads what attributes reads, for plain tags and for tags with odd spacing, quotes and junk", () => {
    const piece = fc.constantFrom(
      ' r="7"',
      " spans='1:5'",
      ' ht = "15"',
      '\tcustomHeight="1"',
      ' x14ac:dyDescent="0.25"',
      ' s="a>b"',
      " junk",
      ' ="3"',
      ' r="',
      "  ",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom("row", "x:row"), fc.constantFrom(">", "/>", " >"), (pieces, name, end) => {
        const tag = `<${name}${pieces.join("")}${end}`;
        const model = attributes(tag);
        for (const attr of ["r", "spans", "ht", "customHeight", "x14ac:dyDescent", "s"])
          expect(attributeValue(tag, attr), `${attr} of ${tag}`).toBe(model.get(attr));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("applySplices", () => {
  it("applies insertions and replacements in place and refuses overlapping ones", () => {
    expect(
      applySplices("<a><b/></a>", [
        { start: 3, end: 7, text: "<c/>", order: 0 },
        { start: 3, end: 3, text: "<i2/>", order: 2 },
        { start: 3, end: 3, text: "<i1/>", order: 1 },
      ]),
    ).toBe("<a><i1/><i2/><c/></a>");
    expect(() =>
      applySplices("<a><b/></a>", [
        { start: 3, end: 7, text: "", order: 0 },
        { start: 5, end: 5, text: "x", order: 0 },
      ]),
    ).toThrow();
  });
});
