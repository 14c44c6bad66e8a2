import { readFileSync } from "node:fs";
import { z } from "zod";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback";

const ExchangeFile = z.object({
  requests: z.array(
    z.object({
      request: z.object({
        method: z.string(),
        url: z.string(),
        notBefore: z.string().optional(),
      }),
      response: z.object({
        status: z.number(),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown(),
      }),
    }),
  ),
});

export interface ScriptedAnswer {
  method: string;
  url: string;
  /** The request may not come sooner than this after the double's previous answer. */
  notBeforeMs: number;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A fault-case exchange (fixtures/cases/*.json) with {BASE} replaced by the double's address. */
export function loadExchange(file: string, base: string): ScriptedAnswer[] {
  const text = readFileSync(file, "utf8").replaceAll("{BASE}", base);
  return ExchangeFile.parse(JSON.parse(text)).requests.map(({ request, response }) => ({
    method: request.method,
    url: request.url,
    notBeforeMs: notBefore(request.notBefore),
    status: response.status,
    headers: response.headers ?? {},
    body: response.body,
  }));
}

function notBefore(text: string | undefined): number {
  const match = text ? /^\+(\d+(?:\.\d+)?)s/.exec(text) : null;
  return match?.[1] ? Number(match[1]) * 1000 : 0;
}

export interface ScriptedApi extends LoopbackServer {
  /** Adds answers; each URL's answers are served in the order added. */
  load: (answers: ScriptedAnswer[]) => void;
  /** Every request as received: its full URL and when. */
  requests: { url: string; at: number; authorization: string | undefined }[];
  /** What went against the script: an unexpected URL, a request sooner than Retry-After. */
  problems: string[];
  /** Answers not yet served. */
  remaining: () => number;
}

/**
 * Replays a scripted exchange. Requests are matched by their exact URL (a client must follow
 * each next link verbatim) and method; each URL's answers are served in order, so a page that is
 * throttled and asked for again gets its next scripted answer.
 */
export async function startScriptedApi(expectedToken: string): Promise<ScriptedApi> {
  const queues = new Map<string, ScriptedAnswer[]>();
  const requests: ScriptedApi["requests"] = [];
  const problems: string[] = [];
  let lastAnswerAt = 0;
  let base = "";
  const server = await startLoopbackServer((req, _body, res) => {
    const url = `${base}${req.url ?? ""}`;
    const now = Date.now();
    requests.push({ url, at: now, authorization: req.headers.authorization });
    const answer = queues.get(`${req.method} ${url}`)?.shift();
    if (!answer) {
      problems.push(`unexpected ${req.method} ${url}`);
      sendJson(res, 400, { error: { code: "UnexpectedRequest" } });
      return;
    }
    if (req.headers.authorization !== `Bearer ${expectedToken}`) {
      problems.push(`request without the expected token: ${url}`);
    }
    if (now - lastAnswerAt < answer.notBeforeMs) {
      problems.push(
        `${url} came ${now - lastAnswerAt} ms after the last answer, before ${answer.notBeforeMs} ms`,
      );
    }
    lastAnswerAt = now;
    const headers = { "content-type": "application/json", ...answer.headers };
    sendJson(res, answer.status, answer.body, headers);
  });
  base = server.url;
  return {
    ...server,
    requests,
    problems,
    load: (answers) => {
      for (const answer of answers) {
        const key = `${answer.method} ${answer.url}`;
        queues.set(key, [...(queues.get(key) ?? []), answer]);
      }
    },
    remaining: () => [...queues.values()].reduce((n, queue) => n + queue.length, 0),
  };
}
