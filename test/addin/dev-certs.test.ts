/* The dev server's certificate (scripts/dev-certs.js): trusted when office-addin-dev-certs can install it, else the same kind of certificate, untrusted, with a message that says so and how to trust it. */
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { afterAll, describe, expect, it } from "vitest";

interface Https {
  readonly ca: Buffer;
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly trusted: boolean;
}
interface DevCerts {
  generateCertificates: typeof generateCertificates;
  getHttpsServerOptions(days?: number, domains?: string[]): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
  verifyCertificates(): boolean;
}
interface DevCertsModule {
  devServerHttps(options?: {
    dir?: string;
    defaultDir?: string;
    devCerts?: DevCerts;
    log?: (text: string) => void;
    platform?: NodeJS.Platform;
  }): Promise<Https>;
  usableCertificate(dir: string): { ca: Buffer; cert: Buffer; key: Buffer } | undefined;
}

const { devServerHttps, usableCertificate } = createRequire(__filename)("../../scripts/dev-certs.js") as DevCertsModule;

const work = mkdtempSync(path.join(tmpdir(), "part-readiness-certs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = (): string => path.join(work, `case-${++folders}`);

/** office-addin-dev-certs with the trust store replaced: installing fails as it does without admin rights, or succeeds. */
function standIn(install: "fails" | "succeeds", calls: string[]): DevCerts {
  return {
    generateCertificates: (...args) => {
      calls.push("generate");
      return generateCertificates(...args);
    },
    getHttpsServerOptions: async () => {
      calls.push("getHttpsServerOptions");
      if (install === "fails") throw new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found");
      return { ca: Buffer.from("trusted ca"), cert: Buffer.from("trusted cert"), key: Buffer.from("trusted key") };
    },
    verifyCertificates: () => {
      calls.push("verifyCertificates");
      return install === "succeeds";
    },
  };
}

const fingerprint = (pem: Buffer): string => new X509Certificate(pem).fingerprint256;

function expectServesLocalhost(https: Https): void {
  const cert = new X509Certificate(https.cert);
  expect(cert.checkHost("localhost")).toBe("localhost");
  expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
  expect(cert.checkIssued(new X509Certificate(https.ca))).toBe(true);
  expect(Date.parse(cert.validTo) - Date.now()).toBeGreaterThan(7 * 24 * 3600 * 1000);
}

describe("where the CA cannot be installed as trusted", () => {
  const dir = folder();
  const calls: string[] = [];
  const logs: string[] = [];
  let first: Https;

  it("makes the certificate anyway, serves with it untrusted and says so, naming the reason and the CA file", async () => {
    first = await devServerHttps({ defaultDir: dir, devCerts: standIn("fails", calls), log: (t) => logs.push(t) });
    expect(first.trusted).toBe(false);
    expectServesLocalhost(first);
    expect(calls).toEqual(["getHttpsServerOptions", "generate"]);
    const text = logs.join("\n");
    expect(text).toContain("Could not install the development CA as trusted");
    expect(text).toContain("sudo: not found");
    expect(text).toContain("NOT trusted");
    expect(text).toContain(path.join(dir, "ca.crt"));
    expect(readFileSync(path.join(dir, "ca.crt"))).toEqual(first.ca);
  });

  it.each([
    ["win32", `certutil -user -addstore Root "${path.join(dir, "ca.crt")}"`],
    ["darwin", `security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${path.join(dir, "ca.crt")}"`],
    ["linux", `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in dev CA" -i "${path.join(dir, "ca.crt")}"`],
  ] as const)("says how to trust that CA on %s, and only there", async (platform, command) => {
    const said: string[] = [];
    await devServerHttps({ defaultDir: dir, devCerts: standIn("fails", []), log: (t) => said.push(t), platform });
    const text = said.join("\n");
    expect(text).toContain(command);
    for (const other of ["certutil -user", "security add-trusted-cert", "certutil -d sql:"].filter((c) => !command.startsWith(c)))
      expect(text).not.toContain(other);
    expect(text).toContain("open https://localhost:3000/taskpane.html and accept the warning");
  });

  it("keeps that certificate at the next start instead of asking for admin rights again", async () => {
    calls.length = 0;
    logs.length = 0;
    const again = await devServerHttps({ defaultDir: dir, devCerts: standIn("fails", calls), log: (t) => logs.push(t) });
    expect(again.trusted).toBe(false);
    expect(fingerprint(again.cert)).toBe(fingerprint(first.cert));
    expect(calls).toEqual(["verifyCertificates"]);
    expect(logs.join("\n")).toContain("npx office-addin-dev-certs install");
  });

  it("makes a new one when the files no longer fit together", async () => {
    writeFileSync(path.join(dir, "localhost.key"), "not a key");
    expect(usableCertificate(dir)).toBeUndefined();
    calls.length = 0;
    const renewed = await devServerHttps({ defaultDir: dir, devCerts: standIn("fails", calls), log: () => undefined });
    expectServesLocalhost(renewed);
    expect(fingerprint(renewed.cert)).not.toBe(fingerprint(first.cert));
    expect(calls).toEqual(["getHttpsServerOptions", "generate"]);
  });
});

describe("where office-addin-dev-certs installs the CA", () => {
  it("uses its trusted certificate without a message", async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const https = await devServerHttps({ defaultDir: folder(), devCerts: standIn("succeeds", calls), log: (t) => logs.push(t) });
    expect(https).toEqual({ ca: Buffer.from("trusted ca"), cert: Buffer.from("trusted cert"), key: Buffer.from("trusted key"), trusted: true });
    expect(calls).toEqual(["getHttpsServerOptions"]);
    expect(logs).toEqual([]);
  });

  it("keeps a certificate that is already trusted", async () => {
    const dir = folder();
    await generateCertificates(path.join(dir, "ca.crt"), path.join(dir, "localhost.crt"), path.join(dir, "localhost.key"), 30, ["127.0.0.1", "localhost"]);
    const calls: string[] = [];
    const https = await devServerHttps({ defaultDir: dir, devCerts: standIn("succeeds", calls), log: () => undefined });
    expect(https.trusted).toBe(true);
    expect(https.cert).toEqual(readFileSync(path.join(dir, "localhost.crt")));
    expect(calls).toEqual(["verifyCertificates"]);
  });
});

describe("--env certs=DIR", () => {
  it("uses a certificate of its own in DIR and never touches the trust store", async () => {
    const dir = folder();
    const calls: string[] = [];
    const logs: string[] = [];
    const https = await devServerHttps({ dir, devCerts: standIn("succeeds", calls), log: (t) => logs.push(t) });
    expect(https.trusted).toBe(false);
    expectServesLocalhost(https);
    expect(calls).toEqual(["generate"]);
    expect(logs.join("\n")).toContain(`--env certs=${dir}`);
    const again = await devServerHttps({ dir, devCerts: standIn("succeeds", calls), log: () => undefined });
    expect(fingerprint(again.cert)).toBe(fingerprint(https.cert));
    expect(calls).toEqual(["generate"]);
  });
});
