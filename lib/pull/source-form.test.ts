import { describe, expect, it } from "vitest";
import { blankForm, draftFromForm } from "./source-form";

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
  });
});
