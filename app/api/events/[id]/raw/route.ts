import { z } from "zod";
import { requireApiUser } from "@/lib/auth/api-guard";
import { AppError } from "@/lib/errors";
import { getEventRaw } from "@/lib/events/raw";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

// A stored event id: a positive bigint (PostgreSQL's bigint ends at 2^63 - 1).
const EventId = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/)
  .transform((text) => BigInt(text))
  .refine((id) => id <= 9_223_372_036_854_775_807n);

/** The whole raw record of one event as a text download, byte for byte as stored. Viewers up. */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    await requireApiUser(request, "viewer");
    const parsed = EventId.safeParse((await context.params).id);
    const id = parsed.success ? parsed.data : null;
    const raw = id === null ? null : await getEventRaw(id);
    if (raw === null) throw new AppError("not_found", "That event does not exist.");

    return new Response(raw, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-disposition": `attachment; filename="event-${id}.txt"`,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
