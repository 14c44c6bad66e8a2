import type { z } from "zod";
import { type CallContext, fetchJson } from "../api-request";
import type { TokenSource } from "../azure-token";
import { PullError } from "../pull-error";

/**
 * Follows an Azure list API from `firstUrl` through each next link, exactly as given, handing
 * every non-empty page to `store` before asking for the next. Next links must stay on the API's
 * origin: the bearer token is never sent anywhere else.
 */
export async function forEachPage<Page extends { value: unknown[] }>(options: {
  what: string;
  firstUrl: string;
  token: TokenSource;
  schema: z.ZodType<Page>;
  nextLink: (page: Page) => string | null | undefined;
  context: CallContext;
  store: (body: Buffer, pageNumber: number) => Promise<void>;
}): Promise<void> {
  const { context, token } = options;
  const origin = new URL(options.firstUrl).origin;
  const seen = new Set<string>();
  let url: string | null | undefined = options.firstUrl;
  for (let pageNumber = 1; url; pageNumber += 1) {
    const pageUrl: string = url;
    if (new URL(pageUrl).origin !== origin || seen.has(pageUrl)) {
      throw new PullError(
        "invalid_response",
        `${options.what}: the service sent a next link that leaves ${origin} or repeats a page; the run stopped there.`,
      );
    }
    seen.add(pageUrl);
    const { data, body } = await fetchJson(
      `${options.what} (page ${pageNumber})`,
      async () => ({
        method: "GET",
        url: pageUrl,
        headers: {
          authorization: `Bearer ${await token(context.signal)}`,
          accept: "application/json",
        },
      }),
      options.schema,
      context,
    );
    if (data.value.length > 0) await options.store(body, pageNumber);
    url = options.nextLink(data);
  }
}
