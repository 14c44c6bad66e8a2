/**
 * A response body from text chunks. The first chunk is awaited before the body exists, so an
 * error in reaching the database becomes an error response instead of a cut-off download.
 */
export async function textStream(
  chunks: AsyncGenerator<string>,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = await chunks.next();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending ?? (await chunks.next());
      pending = null;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // The reader went away: end the generator so it releases its database connection.
      await chunks.return(undefined);
    },
  });
}
