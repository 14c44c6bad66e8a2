import { type LoopbackServer, startLoopbackServer } from "./loopback";

export interface FakeSts extends LoopbackServer {
  assumed: { roleArn: string; externalId: string | null; signedWith: string | null }[];
}

/** The access key id STS hands out for an assumed role; S3 requests signed with it prove the path. */
export const ASSUMED_KEY_ID = "ASIAEXAMPLEASSUMED01";

/** STS AssumeRole (query protocol, XML answer) on loopback. */
export async function startFakeSts(): Promise<FakeSts> {
  const assumed: FakeSts["assumed"] = [];
  const server = await startLoopbackServer((req, body, res) => {
    const form = new URLSearchParams(body.toString("utf8"));
    if (form.get("Action") !== "AssumeRole") {
      res.writeHead(400, { "content-type": "text/xml" });
      res.end("<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
      return;
    }
    const signedWith = /Credential=([^/]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? null;
    assumed.push({
      roleArn: form.get("RoleArn") ?? "",
      externalId: form.get("ExternalId"),
      signedWith,
    });
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    res.writeHead(200, { "content-type": "text/xml" });
    res.end(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        `<Credentials><AccessKeyId>${ASSUMED_KEY_ID}</AccessKeyId>` +
        "<SecretAccessKey>assumedSecretExampleKeyValue000000000000</SecretAccessKey>" +
        "<SessionToken>assumed-session-token-example</SessionToken>" +
        `<Expiration>${expiration}</Expiration></Credentials>` +
        "<AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/tripline/tripline-pull</Arn>" +
        "<AssumedRoleId>AROAEXAMPLE:tripline-pull</AssumedRoleId></AssumedRoleUser>" +
        "</AssumeRoleResult><ResponseMetadata><RequestId>example</RequestId></ResponseMetadata>" +
        "</AssumeRoleResponse>",
    );
  });
  return { ...server, assumed };
}
