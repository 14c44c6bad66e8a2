import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestCertificates {
  /** TLS key and certificate for 127.0.0.1 (self-signed: the certificate is its own CA). */
  serverKey: string;
  serverCert: string;
  /** An app registration's certificate and private key in one PEM, as Entra takes it. */
  appPem: string;
}

/**
 * Throwaway certificates made with the openssl command for this test run only: MSAL insists on an
 * https authority, so the fake token endpoint needs a certificate the client is told to trust.
 */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), "tripline-pull-certs-"));
  try {
    const selfSigned = (name: string, extra: string[]) => {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          `/CN=${name}`,
          "-keyout",
          path.join(dir, `${name}.key`),
          "-out",
          path.join(dir, `${name}.crt`),
          ...extra,
        ],
        { stdio: "ignore" },
      );
      return {
        key: readFileSync(path.join(dir, `${name}.key`), "utf8"),
        cert: readFileSync(path.join(dir, `${name}.crt`), "utf8"),
      };
    };
    const server = selfSigned("127.0.0.1", ["-addext", "subjectAltName=IP:127.0.0.1"]);
    const app = selfSigned("tripline-test-app", []);
    return { serverKey: server.key, serverCert: server.cert, appPem: `${app.cert}${app.key}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
