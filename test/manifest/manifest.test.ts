/*
 * The add-in manifest, offline: the source, the built copy, and a build for another host. What Microsoft's tooling reads
 * (id, hosts, URLs) is checked with office-addin-manifest's own parser, the one office-addin-debugging sideloads with;
 * the shared runtime and the resources, which it does not read, with fast-xml-parser. `npm run validate` is the online check.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ManifestType, OfficeAddinManifest, OfficeApp, getOfficeAppsForManifestHosts, type ManifestInfo } from "office-addin-manifest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ROOT, ensureDist } from "../functions/dist";

type XmlNode = { readonly [key: string]: unknown };

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly node: XmlNode;
  readonly text: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false, parseTagValue: false, trimValues: true });

/** Every element of the document, depth first, with its attributes. */
function elements(xml: string): Element[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const out: Element[] = [];
  const visit = (name: string, value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(name, v);
      return;
    }
    if (typeof value !== "object" || value === null) {
      out.push({ name, attributes: {}, node: {}, text: String(value) });
      return;
    }
    const node = value as XmlNode;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(node)) if (k.startsWith("@_")) attributes[k.slice(2)] = String(v);
    out.push({ name, attributes, node, text: typeof node["#text"] === "string" ? node["#text"] : "" });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_") && k !== "#text") visit(k, v);
  };
  for (const [k, v] of Object.entries(parser.parse(xml) as XmlNode)) if (!k.startsWith("?")) visit(k, v);
  return out;
}

const named = (all: readonly Element[], name: string): Element[] => all.filter((e) => e.name === name);
const one = (all: readonly Element[], name: string): Element => {
  const found = named(all, name);
  expect(found, name).toHaveLength(1);
  return found[0] as Element;
};
const urlsOf = (all: readonly Element[]): string[] => all.flatMap((e) => Object.values(e.attributes)).filter((v) => /^https?:\/\//.test(v));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV_BASE = "https://localhost:3000/";
const ID = "6f1c2a0e-4b7d-4f37-9a51-2c9e8d4b7a10";

/** What office-addin-manifest reads from a manifest whose files are hosted at `base`. */
const expectedInfo = (base: string): ManifestInfo => ({
  id: ID,
  appDomains: [],
  defaultLocale: "en-US",
  description: "Classify each part as prototyping, low-volume manufacturing or mass production, with its readiness score, blockers and next step.",
  displayName: "Part Readiness",
  highResolutionIconUrl: `${base}assets/icon-64.png`,
  hosts: ["Workbook"],
  iconUrl: `${base}assets/icon-32.png`,
  officeAppType: "TaskPaneApp",
  permissions: "ReadWriteDocument",
  providerName: "Part Readiness",
  supportUrl: `${base}help.html`,
  version: one(elements(SOURCE), "Version").text,
  manifestType: ManifestType.XML,
  defaultSettings: { sourceLocation: `${base}taskpane.html` },
});

/** Reads a manifest with office-addin-manifest and checks it is an Excel add-in hosted at `base`. */
async function expectReadByOfficeTooling(file: string, base: string): Promise<void> {
  const info = await OfficeAddinManifest.readManifestFile(file);
  expect(info).toEqual(expectedInfo(base));
  expect(getOfficeAppsForManifestHosts(info.hosts)).toEqual([OfficeApp.Excel]);
}

describe("source manifest.xml", () => {
  const all = elements(SOURCE);

  it("keeps the add-in's stable GUID and a four-part version", () => {
    const id = one(all, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe(ID);
    expect(one(all, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("reads, with office-addin-manifest's parser, as an Excel task pane add-in served from the dev server", async () => {
    await expectReadByOfficeTooling(path.join(ROOT, "manifest.xml"), DEV_BASE);
  });

  it("writes every URL against the dev base that the build rewrites", () => {
    const urls = urlsOf(all).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org/"));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_BASE), url).toBe(true);
  });
});

describe("dist/manifest.xml (npm run build)", () => {
  let all: Element[] = [];
  let base = "";
  const resources = (kind: string): Map<string, Element> =>
    new Map(
      named(all, kind).flatMap((group) => {
        const items = group.node["bt:Image"] ?? group.node["bt:Url"] ?? group.node["bt:String"];
        return (Array.isArray(items) ? items : [items]).map((n) => {
          const node = n as XmlNode;
          return [String(node["@_id"]), { name: kind, attributes: { DefaultValue: String(node["@_DefaultValue"]) }, node, text: "" }] as const;
        });
      }),
    );

  beforeAll(() => {
    ensureDist();
    all = elements(readFileSync(path.join(DIST, "manifest.xml"), "utf8"));
    const page = (one(all, "DefaultSettings").node.SourceLocation as XmlNode)["@_DefaultValue"];
    base = String(page).replace(/taskpane\.html$/, "");
    expect(base).toMatch(/^https:\/\/.+\/$/);
  });

  it("reads, with office-addin-manifest's parser, as the source manifest at the build's base URL", async () => {
    await expectReadByOfficeTooling(path.join(DIST, "manifest.xml"), base);
  });

  it("is a task pane add-in for Excel that needs the shared runtime and custom functions with error messages", () => {
    expect(one(all, "OfficeApp").attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(named(all, "Host").map((h) => h.attributes.Name ?? h.attributes["xsi:type"])).toEqual(["Workbook", "Workbook"]);
    const sets = named(all, "Set");
    // Both in the base manifest's Requirements (a Set under VersionOverrides would only switch the overrides off).
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.2"],
    ]);
    expect(named(all, "Requirements")).toHaveLength(1);
  });

  it("runs the task pane and the functions on one page: Runtime, functions Page, FunctionFile and the button share one resid", () => {
    const runtime = one(all, "Runtime");
    expect(runtime.attributes.lifetime).toBe("long");
    const resid = runtime.attributes.resid;
    const extension = named(all, "ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions");
    expect(extension).toBeDefined();
    const page = (extension?.node.Page as XmlNode).SourceLocation as XmlNode;
    expect(page["@_resid"]).toBe(resid);
    expect(one(all, "FunctionFile").attributes.resid).toBe(resid);
    const action = one(all, "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect((action.node.SourceLocation as XmlNode)["@_resid"]).toBe(resid);
    expect(resources("bt:Urls").get(resid ?? "")?.attributes.DefaultValue).toBe(`${base}taskpane.html`);
    expect(((extension?.node.Script as XmlNode).SourceLocation as XmlNode)["@_resid"]).toBeDefined();
    expect(((extension?.node.Metadata as XmlNode).SourceLocation as XmlNode)["@_resid"]).toBeDefined();
  });

  it("has no custom functions namespace, so formulas read =READINESS_STAGE(...)", () => {
    expect(named(all, "Namespace")).toEqual([]);
  });

  it("puts a button on the Home tab that opens the task pane", () => {
    expect(one(all, "OfficeTab").attributes.id).toBe("TabHome");
    expect(one(all, "Control").attributes["xsi:type"]).toBe("Button");
  });

  it("resolves every resid to a resource of the right kind", () => {
    const images = resources("bt:Images");
    const urls = resources("bt:Urls");
    const strings = new Map([...resources("bt:ShortStrings"), ...resources("bt:LongStrings")]);
    const withResid = all.filter((e) => e.attributes.resid !== undefined);
    expect(withResid.length).toBeGreaterThan(10);
    for (const e of withResid) {
      const resid = e.attributes.resid ?? "";
      const kind = e.name === "bt:Image" ? images : ["Label", "Title", "Description"].includes(e.name) ? strings : urls;
      expect(kind.has(resid), `${e.name} resid="${resid}"`).toBe(true);
    }
    for (const s of resources("bt:ShortStrings").values()) expect(s.attributes.DefaultValue?.length ?? 0).toBeLessThanOrEqual(125);
    for (const s of resources("bt:LongStrings").values()) expect(s.attributes.DefaultValue?.length ?? 0).toBeLessThanOrEqual(250);
  });

  it("points every URL at a file that the build put in dist/", () => {
    const urls = urlsOf(all).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org/"));
    for (const url of urls) {
      expect(url.startsWith(base), url).toBe(true);
      const file = path.join(DIST, url.slice(base.length).replace(/#.*$/, ""));
      expect(existsSync(file), url).toBe(true);
    }
  });

  it("uses icons of the sizes it states", () => {
    const fileOf = (url: string): string => path.join(DIST, url.slice(base.length));
    const images = resources("bt:Images");
    const stated = named(all, "bt:Image").filter((e) => e.attributes.size !== undefined);
    expect(new Set(stated.map((e) => e.attributes.size))).toEqual(new Set(["16", "32", "80"]));
    for (const e of stated) {
      const size = Number(e.attributes.size);
      expect(pngSize(fileOf(images.get(e.attributes.resid ?? "")?.attributes.DefaultValue ?? ""))).toEqual({ width: size, height: size });
    }
    expect(pngSize(fileOf(one(all, "IconUrl").attributes.DefaultValue ?? ""))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileOf(one(all, "HighResolutionIconUrl").attributes.DefaultValue ?? ""))).toEqual({ width: 64, height: 64 });
  });
});

describe("a build for a production host (ADDIN_BASE_URL)", () => {
  const out = mkdtempSync(path.join(tmpdir(), "part-readiness-dist-"));
  const host = "https://parts.example.com/readiness/";
  const webpack = [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"];

  beforeAll(() => {
    execFileSync(process.execPath, [...webpack, "--output-path", out], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, ADDIN_BASE_URL: host.slice(0, -1) },
    });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("rewrites every URL in the manifest and the help links in functions.json", async () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = urlsOf(elements(manifest)).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org/"));
    for (const url of urls) expect(url.startsWith(host), url).toBe(true);
    expect(manifest).not.toContain("localhost");
    await expectReadByOfficeTooling(path.join(out, "manifest.xml"), host);
    const metadata = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: { helpUrl: string }[] };
    for (const f of metadata.functions) expect(f.helpUrl.startsWith(`${host}help.html#`)).toBe(true);
  });

  it("refuses a base URL that is not https", () => {
    const run = spawnSync(process.execPath, [...webpack, "--output-path", path.join(out, "never")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ADDIN_BASE_URL: "http://parts.example.com/" },
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("ADDIN_BASE_URL must be an https:// URL");
    expect(existsSync(path.join(out, "never"))).toBe(false);
  });
});
