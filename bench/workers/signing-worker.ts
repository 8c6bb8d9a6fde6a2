// Bench Worker: runs the project's signer in a loop inside the workerd isolate
// and answers how many signatures it made in how long.
// GET /?mode=seq|par|request&ms=300
import { signature, signRequest, stringToSign } from '../../packages/rpc/src/sign.ts';
import { METHOD, SECRET, PARAMS, ACTION_PARAMS } from '../fixtures/sign-input.mjs';

const fixedNow = () => new Date('2026-01-02T03:04:05Z');
const fixedNonce = () => PARAMS.SignatureNonce;

async function one(mode: string): Promise<string> {
  if (mode === 'request') {
    const p = await signRequest({
      method: 'POST', Action: 'DescribeCens', Version: '2017-09-12', params: { ...ACTION_PARAMS },
      credentials: { accessKeyId: PARAMS.AccessKeyId, accessKeySecret: SECRET }, now: fixedNow, nonce: fixedNonce,
    });
    return p.Signature!;
  }
  if (mode === 'sts') return stringToSign(METHOD, PARAMS);
  return signature(METHOD, PARAMS, SECRET);
}

export default {
  async fetch(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const mode = url.searchParams.get('mode') ?? 'seq';
    const budget = Number(url.searchParams.get('ms') ?? '300');
    const maxOps = 5_000_000; // a guard in case the clock does not move
    const first = await one(mode === 'par' ? 'seq' : mode);
    let ops = 0;
    const t0 = Date.now();
    let t = t0;
    if (mode === 'par') {
      // 64 signatures in flight, as in perf-anchors.md §1 (c64).
      while (t - t0 < budget && ops < maxOps) {
        await Promise.all(Array.from({ length: 64 }, () => signature(METHOD, PARAMS, SECRET)));
        ops += 64;
        t = Date.now();
      }
    } else {
      while (t - t0 < budget && ops < maxOps) {
        for (let i = 0; i < 50; i++) await one(mode);
        ops += 50;
        t = Date.now();
      }
    }
    return Response.json({ ops, ms: t - t0, first: mode === 'sts' ? first.length : first });
  },
};
