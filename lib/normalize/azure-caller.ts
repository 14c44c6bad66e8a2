import { firstStr, type JsonObject } from "./json";

// Claim names as Azure writes them: long URL keys are literal keys, never paths.
const CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
const MS_CLAIMS = "http://schemas.microsoft.com/identity/claims/";

/** The claim names that identify a caller, in the order they are tried. */
export const CALLER_CLAIMS = [
  `${CLAIMS}upn`,
  "upn",
  "unique_name",
  `${CLAIMS}name`,
  `${CLAIMS}emailaddress`,
  "email",
  "appid",
  "azp",
  `${MS_CLAIMS}objectidentifier`,
  "oid",
] as const;

/**
 * The caller of an Azure operation: the record's `caller`, else the first identifying claim of
 * the token (user principal name, name, e-mail, application id, object id), else the principal
 * id of the role assignment that allowed the call, else a plain-text `identity`. "" if none.
 */
export function azureCaller(
  caller: unknown,
  claims: readonly JsonObject[],
  principalId: unknown,
  plainIdentity: unknown,
): string {
  const fromClaims = CALLER_CLAIMS.map((name) => firstStr(...claims.map((c) => c[name])));
  return firstStr(caller, ...fromClaims, principalId, plainIdentity) ?? "";
}

const IDTYP: Readonly<Record<string, string>> = {
  user: "User",
  app: "ServicePrincipal",
  device: "Device",
};

/**
 * The caller's principal type: the role assignment's `principalType` (User, ServicePrincipal,
 * Group...) kept verbatim, else the token's `idtyp` claim in the same words; "" if neither.
 */
export function azurePrincipalType(principalType: unknown, claims: readonly JsonObject[]): string {
  const direct = firstStr(principalType);
  if (direct !== undefined) return direct;
  const idtyp = firstStr(...claims.map((c) => c.idtyp));
  return idtyp === undefined ? "" : (IDTYP[idtyp.toLowerCase()] ?? idtyp);
}
