/**
 * Reads a body stream as UTF-8 text, stopping as soon as it passes `max`
 * bytes: a declared Content-Length can lie or be absent (chunked bodies), so
 * the count is kept while reading.
 *
 * @example
 * ```ts
 * const text = await readCapped(req.body, 16 * 1024, () => payloadTooLarge(16 * 1024));
 * ```
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number, tooLarge: () => Error): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // One decode of the whole body gives a flat string; appending chunk by chunk
  // builds a rope that JSON.parse must copy again before it can read it.
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
