/**
 * RFC 3986 percent-encoding as Alibaba's RPC signer does it: the unreserved set
 * `A–Z a–z 0–9 - _ . ~` stays, everything else becomes `%XX` of its UTF-8
 * bytes; a space is `%20`, never `+`.
 *
 * @example
 * ```ts
 * percentEncode("a b*c~"); // "a%20b%2Ac~"
 * ```
 */
export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // encodeURIComponent's own URIError says only "URI malformed".
    const at = value.search(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // The value itself stays out of the message: it may be a token.
    throw new URIError(`cannot percent-encode: lone UTF-16 surrogate at index ${at} (not valid Unicode text)`);
  }
  return encoded.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
