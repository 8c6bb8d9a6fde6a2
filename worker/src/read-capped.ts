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
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
