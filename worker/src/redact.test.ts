import { describe, expect, test } from 'vitest';
import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  test('strips nonce, token and signature values in every encoding Alibaba quotes them', () => {
    const sts = 'POST&%2F&AccessKeyId%3Dtestid%26SecurityToken%3DCAIS-tok%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3%26SignatureVersion%3D1.0';
    expect(redactSecrets(sts)).toBe(
      'POST&%2F&AccessKeyId%3Dtestid%26SecurityToken%3D***%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D***%26SignatureVersion%3D1.0',
    );
    expect(redactSecrets('a=1&Signature=abc%2B&SignatureNonce=n1 done')).toBe('a=1&Signature=***&SignatureNonce=*** done');
    expect(redactSecrets('x%2526SignatureNonce%253Dn2%2526y')).toBe('x%2526SignatureNonce%253D***%2526y');
  });

  test('leaves other parameters alone', () => {
    const text = 'SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&MySignature=ok';
    expect(redactSecrets(text)).toBe(text);
  });
});
