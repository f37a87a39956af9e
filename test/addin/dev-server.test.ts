/*
 * `npm run dev-server` serves the add-in over HTTPS: it is started as a person starts it (on a free port, with an
 * untrusted certificate in a temporary folder, so that no trust store is touched), the pages the manifest names are
 * fetched over https with that certificate's CA accepted by this client only, and it is stopped with nothing left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request, type RequestOptions } from "node:https";
import { connect, type TLSSocket } from "node:tls";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const DEV_BASE = "https://localhost:3000/";
const STARTUP_MS = 120_000;

interface Response {
  readonly status: number;
  readonly type: string;
  readonly body: Buffer;
  readonly peer: string;
  readonly authorized: boolean;
}

/** npm, as the test runner was started by it, else from PATH. */
function npm(args: readonly string[]): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  if (cli !== undefined && /^npm-cli\.c?js$/i.test(path.basename(cli))) return { command: process.execPath, args: [cli, ...args] };
  return { command: process.platform === "win32" ? "npm.cmd" : "npm", args: [...args] };
}

function get(port: number, urlPath: string, ca?: Buffer): Promise<Response> {
  const options: RequestOptions = { host: "localhost", port, path: urlPath, method: "GET", agent: false, timeout: 60_000, ...(ca ? { ca } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const socket = res.socket as TLSSocket;
      const peer = socket.getPeerX509Certificate()?.fingerprint256 ?? "";
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks),
          peer,
          authorized: socket.authorized,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

/** Whether a process group still has a member (POSIX). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Stops npm, its shell and webpack serve together, and waits until none is left. */
async function stopTree(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (process.platform === "win32") {
    spawn("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    await exited;
    return;
  }
  if (groupAlive(pid)) process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + 15_000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  await exited;
}

/** The https:// URLs of manifest.xml, as paths under the dev base. */
function manifestPaths(): string[] {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const urls = [...xml.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1] as string);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith(DEV_BASE), url).toBe(true);
  return [...new Set(urls.map((u) => `/${u.slice(DEV_BASE.length)}`))];
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("npm run dev-server", () => {
  const certs = mkdtempSync(path.join(tmpdir(), "part-readiness-dev-server-"));
  let child: ChildProcess | undefined;
  let output = "";
  let port = 0;
  let ca = Buffer.alloc(0);
  let served = "";

  beforeAll(async () => {
    const run = npm(["run", "dev-server", "--", "--port", "0", "--env", `certs=${certs}`]);
    const started = spawn(run.command, run.args, {
      cwd: ROOT,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    child = started;
    // Ready when it has said where it listens and the first build is done (so that no test waits for webpack).
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run dev-server did not start within ${STARTUP_MS} ms:\n${output}`)), STARTUP_MS);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const found = /Loopback: https:\/\/localhost:(\d+)\//.exec(output);
        const built = /compiled (successfully|with)/.exec(output);
        if (found && built) {
          clearTimeout(timer);
          if (built[1] === "with") reject(new Error(`the dev build failed:\n${output}`));
          else resolve(Number(found[1]));
        }
      };
      started.stdout?.on("data", read);
      started.stderr?.on("data", read);
      started.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`npm run dev-server exited (${code ?? signal}) before serving:\n${output}`));
      });
    });
    ca = readFileSync(path.join(certs, "ca.crt"));
    served = new X509Certificate(readFileSync(path.join(certs, "localhost.crt"))).fingerprint256;
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    if (child) await stopTree(child);
    rmSync(certs, { recursive: true, force: true });
  }, 30_000);

  it("says that its certificate is not trusted and how to trust it", () => {
    expect(output).toContain("NOT trusted");
    expect(output).toContain(path.join(certs, "ca.crt"));
  });

  it("serves the shared-runtime page over HTTPS with the certificate made for localhost", async () => {
    const page = await get(port, "/taskpane.html", ca);
    expect(page.status).toBe(200);
    expect(page.authorized).toBe(true);
    expect(page.peer).toBe(served);
    expect(page.type).toMatch(/^text\/html/);
    const html = page.body.toString("utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html.indexOf("functions.js")).toBeGreaterThan(0);
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(html.indexOf("functions.js"));
  });

  it("serves functions.json with every function and its help link", async () => {
    const res = await get(port, "/functions.json", ca);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    const metadata = JSON.parse(res.body.toString("utf8")) as { functions: { id: string; helpUrl: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("READINESS_STAGE");
    for (const f of metadata.functions) expect(f.helpUrl.startsWith(`${DEV_BASE}help.html#`), f.id).toBe(true);
  });

  it("serves the icons at the sizes their names say", async () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const res = await get(port, `/assets/icon-${size}.png`, ca);
      expect(res.status, `icon-${size}.png`).toBe(200);
      expect(res.type).toBe("image/png");
      expect(pngSize(res.body)).toEqual({ width: size, height: size });
    }
  });

  it("serves every file manifest.xml points Excel at, from the dev build in memory", async () => {
    for (const urlPath of manifestPaths()) {
      const res = await get(port, urlPath, ca);
      expect(res.status, urlPath).toBe(200);
      expect(res.body.length, urlPath).toBeGreaterThan(0);
    }
    const script = await get(port, "/functions.js", ca);
    expect(script.body.toString("utf8")).toContain("webpack-dev-server/client");
  });

  it("answers with an unknown-certificate error to a client that has not accepted it", async () => {
    const refused = await new Promise<string>((resolve) => {
      const socket = connect({ host: "localhost", port, servername: "localhost" }, () => {
        socket.end();
        resolve("accepted");
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it("stops with npm, its shell and webpack serve, leaving no process and a closed port", async () => {
    const started = child;
    expect(started?.pid).toBeDefined();
    if (!started) return;
    await stopTree(started);
    child = undefined;
    if (process.platform !== "win32") expect(groupAlive(started.pid as number)).toBe(false);
    await expect(get(port, "/taskpane.html", ca)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
