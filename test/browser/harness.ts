/* Shared by the browser tests: a headless Debian Chromium, dist/ served on loopback, office.js's CDN URL routed to a stand-in. */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DIST = path.resolve(__dirname, "../../dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Serves dist/ on 127.0.0.1 at a free port. */
export async function serveDist(root = DIST): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(root, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Routes office.js's CDN URL to `officeJs` (script text) and refuses every other
 * request that does not go to loopback, recording it so a test can assert that
 * the page made no other network call.
 */
export async function routeOffice(page: Page, officeJs: string): Promise<{ readonly blocked: readonly string[] }> {
  const blocked: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_CDN) {
      await route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
    } else if (url.startsWith("http://127.0.0.1:") || url.startsWith("data:") || url.startsWith("blob:")) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort();
    }
  });
  return { blocked };
}

export interface BrowserSession {
  /** Chromium, launched before the file's tests. */
  readonly browser: Browser;
  /** Where dist/ is served, ending in "/". */
  readonly url: string;
}

/**
 * Call at the top of a browser test file: after `prepare` (a build check, say),
 * dist/ is served and Chromium launched before the tests and both closed after.
 * Read the fields inside tests.
 */
export function browserSession(prepare: () => void | Promise<void>): BrowserSession {
  let browser: Browser | undefined;
  let server: { readonly url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    await prepare();
    server = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error("the browser is launched in beforeAll");
      return browser;
    },
    get url(): string {
      if (server === undefined) throw new Error("dist/ is served in beforeAll");
      return server.url;
    },
  };
}
