import { describe, expect, test } from 'vitest';
import { readCapped } from './read-capped.js';

/** A stream that yields `chunks` one read at a time, and says whether it was cancelled. */
function streamOf(chunks: Uint8Array[]) {
  let cancelled = false;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else c.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

describe('readCapped', () => {
  test('decodes UTF-8 split across chunks, whatever the cut', async () => {
    const bytes = new TextEncoder().encode('{"Name":"华东1（杭州）","n":1}');
    for (const cut of [1, 2, 3, 5, 8, 13]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += cut) chunks.push(bytes.slice(i, i + cut));
      expect(await readCapped(streamOf(chunks).stream, 1024, () => new Error('too large'))).toBe('{"Name":"华东1（杭州）","n":1}');
    }
  });

  test('no body is empty text', async () => {
    expect(await readCapped(null, 10, () => new Error('too large'))).toBe('');
  });

  test('stops reading past the cap, cancels the stream and throws the given error', async () => {
    const s = streamOf([new Uint8Array(6), new Uint8Array(6), new Uint8Array(6)]);
    await expect(readCapped(s.stream, 10, () => new Error('over 10 bytes'))).rejects.toThrow('over 10 bytes');
    expect(s.cancelled()).toBe(true);
    // Exactly the cap is allowed.
    expect(await readCapped(streamOf([new Uint8Array(5), new Uint8Array(5)]).stream, 10, () => new Error('x'))).toHaveLength(10);
  });
});
