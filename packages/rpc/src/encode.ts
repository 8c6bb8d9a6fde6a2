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
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
