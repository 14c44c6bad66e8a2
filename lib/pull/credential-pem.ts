import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";

/**
 * What is wrong with an app credential's PEM (a certificate and its private key, as Entra ID's
 * certificate credential needs them), or null when it can sign a token request.
 */
export function certificatePemProblem(pem: string): string | null {
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    return "The certificate PEM holds no certificate (-----BEGIN CERTIFICATE----- …).";
  }
  if (!/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem)) {
    return "The certificate PEM holds no private key: paste the key below the certificate.";
  }
  let certificate: X509Certificate;
  let key: KeyObject;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return "The certificate in the PEM cannot be read: paste it again, whole.";
  }
  try {
    key = createPrivateKey(pem);
  } catch {
    return "The private key in the PEM cannot be read (an encrypted key is not supported).";
  }
  if (!certificate.checkPrivateKey(key)) {
    return "The private key in the PEM does not belong to its certificate.";
  }
  return null;
}
