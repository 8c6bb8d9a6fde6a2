/**
 * The Alibaba Cloud RPC wire protocol: percent-encoding, canonical query,
 * HMAC-SHA1 signing and verification with WebCrypto, repeat-list flattening,
 * and JSON/XML decoding. Pure functions; clock and nonce are injectable.
 */
export { percentEncode } from './encode.js';
export { flattenParams, unflattenParams, type WireParams } from './flatten.js';
export {
  canonicalQuery,
  stringToSign,
  hmacSha1Base64,
  signature,
  rpcTimestamp,
  signRequest,
  encodeForm,
  buildRequest,
  verifySignature,
  readWireParams,
  type Credentials,
  type SignOptions,
  type HttpMethod,
  type VerifyResult,
} from './sign.js';
export { parseJsonLossless, parseJsonChecked, decodeXml, encodeXml, decodeError, decodeBody, bodyIsXml, type AlibabaError } from './decode.js';
