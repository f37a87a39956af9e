import { describe, expect, it } from "vitest";
import { el, fragment, trusted } from "../../src/report/html";

describe("the report's HTML builder", () => {
  it("escapes every string child and attribute value", () => {
    expect(el("td", { class: '"><x' }, "<b>", 3, null, false, undefined, ["&", ["'"]]).html).toBe('<td class="&quot;&gt;&lt;x">&lt;b&gt;3&amp;&#39;</td>');
  });

  it("passes its own markup through once, without escaping it again", () => {
    const inner = el("b", {}, "a<b");
    expect(el("p", {}, inner, fragment(" & ", inner)).html).toBe("<p><b>a&lt;b</b> &amp; <b>a&lt;b</b></p>");
    expect(el("style", {}, trusted("a>b{}")).html).toBe("<style>a>b{}</style>");
  });

  it("leaves out undefined attributes and writes void elements without a closing tag", () => {
    expect(el("meta", { charset: "utf-8", name: undefined }).html).toBe('<meta charset="utf-8">');
    expect(el("rect", { x: 1 }).html).toBe('<rect x="1"/>');
  });

  it.each([
    ["script", {}],
    ["SCRIPT", {}],
    ["img src", {}],
    ["td", { onclick: "x" }],
    ["td", { OnLoad: "x" }],
    ["td", { 'a"b': "x" }],
    ["td", { "": "x" }],
  ])("refuses <%s %j> as a programmer error", (tag, attributes) => {
    expect(() => el(tag, attributes as Record<string, string>)).toThrow(/not a report/u);
  });
});
