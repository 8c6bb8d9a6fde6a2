/**
 * Removes signing secrets from text that is about to be returned or logged.
 * Alibaba's SignatureDoesNotMatch message embeds the server's string to sign,
 * which holds the SignatureNonce (and, with STS, the SecurityToken).
 */

// `Name=value`, `Name%3Dvalue` (string to sign) or `Name%253Dvalue`, up to the next separator.
const SECRET_PARAM = /(?<![A-Za-z])(Signature|SignatureNonce|SecurityToken|AccessKeySecret)(=|%3D|%253D)(.*?)(?=&|%26|%2526|\s|"|$)/gi;

/**
 * @example
 * ```ts
 * redactSecrets('a%26SignatureNonce%3Dabc%26b'); // 'a%26SignatureNonce%3D***%26b'
 * ```
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PARAM, (_m, name: string, eq: string) => `${name}${eq}***`);
}
