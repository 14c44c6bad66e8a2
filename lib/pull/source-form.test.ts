import { describe, expect, it } from "vitest";
import { blankForm, draftFromForm, type FormValues, valuesToShow } from "./source-form";
import { makeTestCertificates } from "./testing/test-certificates";

const ENTRA = {
  ...blankForm("entra-graph"),
  name: "entra",
  tenantId: "contoso.onmicrosoft.com",
  clientId: "00000000-0000-4000-8000-000000000001",
  startFrom: "2024-03-05T00:00",
};

function errorsOf(values: FormValues) {
  const result = draftFromForm(values);
  return result.ok ? {} : result.fieldErrors;
}

// zod's own wording: says neither which field nor what to give.
const GENERIC = /^(Invalid|Too (small|big)|Expected)/;

describe("source form", () => {
  it("turns a filled form into settings and the secrets typed", () => {
    const values = {
      ...blankForm("aws-s3"),
      name: "prod trail",
      region: "eu-west-1",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      bucket: "trail-logs",
      prefix: "/org/",
      startFrom: "2024-03-05T00:00",
    };
    const result = draftFromForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.settings).toMatchObject({
      kind: "aws-s3",
      bucket: "trail-logs",
      prefix: "org",
      startFrom: "2024-03-05T00:00:00Z",
      lookbackMinutes: 1440,
      forcePathStyle: false,
    });
    expect(result.draft.secrets).toEqual({
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
  });

  it("refuses control characters in the name and the key prefix, naming the field", () => {
    const trail = {
      ...blankForm("aws-s3"),
      region: "eu-west-1",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      bucket: "trail-logs",
      startFrom: "2024-03-05T00:00",
    };
    const errors = errorsOf({ ...trail, name: "x\u0000y\u001b", prefix: "../\u0000" });
    expect(errors.name).toMatch(/^The name cannot hold control characters/);
    expect(errors.prefix).toMatch(/^The key prefix cannot hold control characters/);
    expect(errorsOf({ ...trail, name: "tab\there" }).name).toMatch(/control characters/);
    expect(draftFromForm({ ...trail, name: "plain ünïcode name" }).ok).toBe(true);
  });

  it("answers a kind that is not one of ours in plain words, shown with a kind of ours", () => {
    for (const kind of ["ftp", ""]) {
      expect(errorsOf({ ...blankForm("aws-s3"), name: "n", kind }).kind).toBe(
        "Choose what to pull from.",
      );
      const shown = valuesToShow({ ...blankForm("aws-s3"), kind, secretAccessKey: "typed" });
      expect(shown.kind).toBe("aws-s3");
      expect(shown.secretAccessKey).toBe("");
    }
    expect(valuesToShow(blankForm("log-analytics")).kind).toBe("log-analytics");
  });

  it("names the field that is wrong", () => {
    const values = { ...blankForm("entra-graph"), name: "entra", tenantId: "t", clientId: "x" };
    const result = draftFromForm(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.clientId).toMatch(/client/);
  });

  it("refuses plain http to anything but this machine", () => {
    const values = {
      ...blankForm("entra-graph"),
      name: "entra",
      tenantId: "contoso.onmicrosoft.com",
      clientId: "00000000-0000-4000-8000-000000000001",
      graphBaseUrl: "http://graph.example.com",
    };
    const result = draftFromForm(values);
    expect(result.ok ? null : result.fieldErrors.graphBaseUrl).toMatch(/https/);
    const local = draftFromForm({ ...values, graphBaseUrl: "http://127.0.0.1:8080" });
    expect(local.ok).toBe(true);
  });

  it("refuses credentials in an endpoint URL and names the loopback addresses http may use", () => {
    const trail = {
      ...blankForm("aws-s3"),
      name: "trail",
      region: "eu-west-1",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      bucket: "trail-logs",
      startFrom: "2024-03-05T00:00",
    };
    for (const s3Endpoint of ["http://user:pw@127.0.0.1:3602/", "https://user@s3.example.com"]) {
      expect(errorsOf({ ...trail, s3Endpoint }).s3Endpoint).toMatch(/user name and password/);
    }
    const graph = { ...ENTRA, graphBaseUrl: "https://u:p@graph.example.com" };
    expect(errorsOf(graph).graphBaseUrl).toMatch(/user name and password/);
    const remote = errorsOf({ ...trail, s3Endpoint: "http://10.0.0.1:9000" }).s3Endpoint;
    expect(remote).toMatch(/loopback addresses: localhost, 127\.0\.0\.0\/8 and \[::1\]/);
    for (const s3Endpoint of ["http://127.0.0.2:3602", "http://[::1]:3602", "http://localhost:1"]) {
      expect(draftFromForm({ ...trail, s3Endpoint }).ok).toBe(true);
    }
  });

  it("takes only https for the APIs the Azure SDK clients call", () => {
    const values = {
      ...blankForm("azure-activity"),
      name: "activity",
      tenantId: "contoso.onmicrosoft.com",
      clientId: "00000000-0000-4000-8000-000000000001",
      subscriptionId: "00000000-1111-4222-8333-444444444444",
      armBaseUrl: "http://127.0.0.1:8080",
      startFrom: "2024-03-05T00:00",
    };
    const result = draftFromForm(values);
    expect(result.ok ? null : result.fieldErrors.armBaseUrl).toMatch(/https/);
    const secure = draftFromForm({ ...values, armBaseUrl: "https://127.0.0.1:8443" });
    expect(secure.ok).toBe(true);
    const authority = errorsOf({ ...values, authorityHost: "http://127.0.0.1:8443" });
    expect(authority.authorityHost).toMatch(/https.*even to this machine/);
  });

  it("says what is wrong with each field in its own words", () => {
    const wrong: Partial<FormValues>[] = [
      { name: "x".repeat(201) },
      { intervalMinutes: "1.5" },
      { lookbackMinutes: "-1" },
      { lookbackMinutes: "2.5" },
      { lookbackMinutes: "99999" },
      { startFrom: "yesterday" },
      { credentialType: "password" },
      { caCertificate: "not a certificate" },
    ];
    for (const change of wrong) {
      const errors = Object.values(errorsOf({ ...ENTRA, ...change }));
      expect(errors, JSON.stringify(change)).toHaveLength(1);
      expect(errors[0], JSON.stringify(change)).not.toMatch(GENERIC);
    }
    const aws = { ...blankForm("aws-s3"), name: "t", region: "us-east-1", bucket: "b-bucket" };
    const awsErrors = errorsOf({ ...aws, accessKeyId: "AKIAIOSFODNN7EXAMPLE", externalId: "x" });
    expect(awsErrors.externalId).toMatch(/external id/);
    expect(
      errorsOf({ ...aws, accessKeyId: "AKIAIOSFODNN7EXAMPLE", prefix: "p".repeat(201) }),
    ).toEqual({ prefix: expect.stringMatching(/key prefix/) });
  });

  it("bounds the start time: not in the year 9999, not before 2000", () => {
    expect(errorsOf({ ...ENTRA, startFrom: "9999-12-31T00:00" }).startFrom).toMatch(/today/);
    expect(errorsOf({ ...ENTRA, startFrom: "1999-12-31T00:00" }).startFrom).toMatch(/2000/);
    expect(errorsOf({ ...ENTRA, startFrom: new Date().toISOString().slice(0, 16) })).toEqual({});
  });

  it("checks a certificate credential's PEM before it is stored", () => {
    const { appPem, serverCert } = makeTestCertificates();
    const form = { ...ENTRA, credentialType: "certificate" };
    expect(errorsOf({ ...form, certificatePem: "garbage" }).certificatePem).toMatch(/certificate/);
    expect(errorsOf({ ...form, certificatePem: serverCert }).certificatePem).toMatch(/private key/);
    const broken = appPem.replace(/(BEGIN CERTIFICATE-----\n)(.{10})/, "$1AAAAAAAAAA");
    expect(errorsOf({ ...form, certificatePem: broken }).certificatePem).toMatch(/cannot be read/);
    expect(errorsOf({ ...form, certificatePem: appPem })).toEqual({});
    expect(errorsOf({ ...form, caCertificate: "-----BEGIN CERTIFICATE-----\nnope" })).toEqual({
      caCertificate: expect.stringMatching(/extra trusted CA/),
    });
  });
});
