/*
 * The Content-Security-Policy of the one page the task pane and the custom
 * functions share (src/taskpane/taskpane.html, and the built dist/taskpane.html):
 * it must let office.js load everything it loads on Windows, Mac and the web,
 * and nothing else. What each source is for is in docs/taskpane.md (Security).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, ROOT, ensureDist } from "../functions/dist";

type Policy = ReadonlyMap<string, readonly string[]>;

/** The page's one CSP meta tag, as directive -> sources. */
function policyOf(html: string): Policy {
  const metas = [...html.matchAll(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/giu)];
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const part of (metas[0]?.[1] ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (!name) continue;
    expect(policy.has(name), `${name} given twice`).toBe(false);
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern a fetch of this kind, with CSP's fallbacks (frame-src -> child-src -> default-src). */
function sourcesFor(policy: Policy, directive: string): readonly string[] {
  const chain = directive === "frame-src" ? ["frame-src", "child-src", "default-src"] : [directive, "default-src"];
  for (const d of chain) {
    const sources = policy.get(d);
    if (sources) return sources;
  }
  return [];
}

/** Whether a URL of another origin than the page's matches a host source ("https://host", "https://*.host"). */
function allows(policy: Policy, directive: string, url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return sourcesFor(policy, directive).some((source) => {
    const m = /^(https?:)\/\/(\*\.)?([^/:]+)(?:\/.*)?$/u.exec(source);
    if (!m || m[1] !== protocol) return false;
    return m[2] ? hostname.endsWith(`.${m[3] ?? ""}`) : hostname === m[3];
  });
}

const SOURCE = readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/** office.js and the files it loads for Excel on the web, Windows and Mac, and for custom functions. */
const OFFICE_FILES = [
  "office.js",
  "excel-web-16.00.js",
  "excel-win32-16.01.js",
  "excel-mac-16.00.js",
  "custom-functions-runtime.js",
  "telemetry/oteljs_agave.js",
];

describe("the shared page's Content-Security-Policy", () => {
  const policy = policyOf(SOURCE);

  it("allows scripts from the page, office.js's CDN and the Microsoft Ajax CDN office.js may load from, and no inline or eval'd script", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"]);
    for (const url of [...SOURCE.matchAll(/<script[^>]*\ssrc="(https:[^"]+)"/gu)].map((m) => m[1] ?? ""))
      expect(allows(policy, "script-src", url), url).toBe(true);
  });

  it("allows what office.js's own files name: its folder, MicrosoftAjax.js, the telemetry collectors, its error page in a frame", () => {
    const texts = OFFICE_FILES.filter((f) => existsSync(path.join(OFFICE_DIST, f))).map((f) => readFileSync(path.join(OFFICE_DIST, f), "utf8"));
    expect(texts.length).toBeGreaterThan(3);
    const all = texts.join("\n");
    expect(all).toContain("//ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js");
    expect(allows(policy, "script-src", "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js")).toBe(true);
    expect(allows(policy, "script-src", "https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js")).toBe(true);
    const collectors = [...new Set([...all.matchAll(/https:\/\/[a-z]+\.pipe\.aria\.microsoft\.com/gu)].map((m) => m[0]))];
    expect(collectors.length).toBeGreaterThan(0);
    for (const url of collectors) expect(allows(policy, "connect-src", url), url).toBe(true);
    expect(all).toContain("AgaveErrorUX/index.html");
    expect(allows(policy, "frame-src", "https://appsforoffice.microsoft.com/lib/1/hosted/AgaveErrorUX/index.html")).toBe(true);
  });

  it("lets office.js set inline styles (excel-web-16.00.js does, office-js#1687) and nothing else loosen it", () => {
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const everything = [...policy.values()].flat();
    expect(everything).not.toContain("'unsafe-eval'");
    expect(everything).not.toContain("*");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // frame-ancestors is ignored in a meta tag; Office frames the page itself.
    expect(policy.has("frame-ancestors")).toBe(false);
  });

  it("keeps no connection open to anything but its own origin and the telemetry collectors", () => {
    expect(policy.get("connect-src")).toEqual(["'self'", "https://*.pipe.aria.microsoft.com"]);
    expect(allows(policy, "connect-src", "https://example.com/")).toBe(false);
  });

  it("is the same in the built page", () => {
    ensureDist();
    expect(policyOf(readFileSync(path.join(DIST, "taskpane.html"), "utf8"))).toEqual(policy);
  });
});
