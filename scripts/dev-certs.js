/*
 * HTTPS for `npm run dev-server`. Office loads add-ins over HTTPS only, so the dev server needs a
 * certificate for localhost. office-addin-dev-certs makes one and installs its CA as trusted, which
 * needs the right to add a root certificate (admin rights, sudo, or the user's consent). Where that
 * fails, the dev server still starts with the same kind of certificate, untrusted, and says how to
 * trust it. Used by webpack.config.js; the tests call it with their own folder and a stand-in.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** office-addin-dev-certs' folder and file names (its defaults, which it does not export). */
const DEFAULT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
const DOMAINS = ["127.0.0.1", "localhost"];
const DAYS_VALID = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The certificate in `dir` when it can serve https://localhost: files present, the key matching,
 * issued by the CA next to it, valid for localhost for at least another day. Otherwise undefined.
 * @param {string} dir
 * @returns {{ ca: Buffer, cert: Buffer, key: Buffer } | undefined}
 */
function usableCertificate(dir) {
  try {
    const ca = fs.readFileSync(path.join(dir, FILES.ca));
    const cert = fs.readFileSync(path.join(dir, FILES.cert));
    const key = fs.readFileSync(path.join(dir, FILES.key));
    const x509 = new crypto.X509Certificate(cert);
    const usable =
      x509.checkPrivateKey(crypto.createPrivateKey(key)) &&
      x509.checkIssued(new crypto.X509Certificate(ca)) &&
      x509.checkHost("localhost") !== undefined &&
      Date.parse(x509.validTo) - Date.now() > DAY_MS;
    return usable ? { ca, cert, key } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes a new CA and localhost certificate in `dir` with office-addin-dev-certs (no trust store involved).
 * @param {string} dir
 * @param {Pick<typeof import("office-addin-dev-certs"), "generateCertificates">} devCerts
 */
async function generateCertificate(dir, devCerts) {
  for (const file of Object.values(FILES)) fs.rmSync(path.join(dir, file), { force: true });
  await devCerts.generateCertificates(path.join(dir, FILES.ca), path.join(dir, FILES.cert), path.join(dir, FILES.key), DAYS_VALID, DOMAINS);
  const made = usableCertificate(dir);
  if (!made) throw new Error(`office-addin-dev-certs did not leave a usable certificate in ${dir}.`);
  return made;
}

/** The first line of an error, without office-addin-dev-certs' own prefix. */
function reasonOf(error) {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.join(" ").replace(/\s+/g, " ").slice(0, 300) || "no reason given";
}

/**
 * What to print when the certificate is not trusted: why, where it is, and how to trust the CA that is actually served, on this system.
 * @param {string} dir
 * @param {string} why
 * @param {NodeJS.Platform} platform
 */
function untrustedMessage(dir, why, platform) {
  const ca = path.join(dir, FILES.ca);
  const how = {
    win32: [`Windows: certutil -user -addstore Root "${ca}"   (and accept the security warning)`],
    darwin: [`Mac: security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${ca}"`],
  }[platform] ?? [
    `Chromium, Chrome, Edge: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in dev CA" -i "${ca}"`,
    `  (certutil is in Debian's libnss3-tools); Firefox: Settings > Privacy & Security > Certificates > Import.`,
  ];
  return [
    why,
    `The dev server uses the certificate in ${dir}, which is NOT trusted on this machine:`,
    `Excel and browsers refuse https://localhost pages until you trust its CA, ${ca}. To trust it:`,
    ...how.map((line) => `  ${line}`),
    `  Or, for one browser session: open https://localhost:3000/taskpane.html and accept the warning.`,
    `Then reload Excel (or the browser tab). The dev server keeps this certificate while it is valid. More: docs/sideload.md.`,
  ]
    .map((line) => `[dev-certs] ${line}`)
    .join("\n");
}

/** Whether office-addin-dev-certs finds its certificate and its CA among the trusted ones (false when it cannot tell). */
function isTrusted(devCerts) {
  try {
    return devCerts.verifyCertificates() === true;
  } catch {
    return false;
  }
}

/**
 * The `server.options` of webpack-dev-server: { ca, cert, key }, and whether the CA is trusted.
 * - With `dir` (`npm run dev-server -- --env certs=DIR`): the certificate in DIR, made there if
 *   missing or expiring; never installed as trusted.
 * - Otherwise the certificate in ~/.office-addin-dev-certs. When there is none (or it expires within a
 *   day), office-addin-dev-certs' getHttpsServerOptions() makes one and installs its CA as trusted;
 *   when that fails, the certificate it made (or a new one) is used untrusted and a message says why
 *   and how to trust it. A usable certificate is kept, trusted or not, so that trusting it by hand
 *   lasts and the dev server does not ask for admin rights at every start.
 * @param {{ dir?: string, defaultDir?: string, devCerts?: Pick<typeof import("office-addin-dev-certs"), "generateCertificates" | "getHttpsServerOptions" | "verifyCertificates">, log?: (text: string) => void, platform?: NodeJS.Platform }} [options]
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer, trusted: boolean }>}
 */
async function devServerHttps(options = {}) {
  const devCerts = options.devCerts ?? require("office-addin-dev-certs");
  const log = options.log ?? ((text) => console.warn(text));
  const platform = options.platform ?? process.platform;
  if (options.dir) {
    const dir = path.resolve(options.dir);
    const found = usableCertificate(dir) ?? (await generateCertificate(dir, devCerts));
    log(untrustedMessage(dir, `Using the certificate folder given with --env certs=${options.dir}; it is not installed as trusted.`, platform));
    return { ...found, trusted: false };
  }
  const dir = options.defaultDir ?? DEFAULT_DIR;
  const existing = usableCertificate(dir);
  if (existing) {
    if (isTrusted(devCerts)) return { ...existing, trusted: true };
    log(
      untrustedMessage(
        dir,
        "office-addin-dev-certs does not find this certificate's CA among the trusted ones (it was not installed, or installing it failed). " +
          '"npx office-addin-dev-certs install" makes a new certificate and tries to install it again.',
        platform,
      ),
    );
    return { ...existing, trusted: false };
  }
  try {
    const trusted = await devCerts.getHttpsServerOptions(DAYS_VALID, DOMAINS);
    return { ca: trusted.ca, cert: trusted.cert, key: trusted.key, trusted: true };
  } catch (error) {
    const found = usableCertificate(dir) ?? (await generateCertificate(dir, devCerts));
    log(
      untrustedMessage(
        dir,
        `Could not install the development CA as trusted (office-addin-dev-certs needs admin rights, sudo or your consent for that): ${reasonOf(error)}`,
        platform,
      ),
    );
    return { ...found, trusted: false };
  }
}

module.exports = { devServerHttps, usableCertificate, DEFAULT_DIR, FILES };
