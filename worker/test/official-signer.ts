/**
 * Runs in Node, outside workerd: recomputes the signature of a signed request
 * with Alibaba's official @alicloud/openapi-util and says whether it matches.
 * Bound into the Worker tests as the OFFICIAL_SIGNER service.
 *
 * Request: POST with the signed form body and header `x-test-secret` (the
 * test AccessKey secret; test keys only). Answer: `{"match":boolean}`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const OpenApiUtil = (require('@alicloud/openapi-util') as { default: { getRPCSignature(p: Record<string, string>, m: string, s: string): string } }).default;

export async function officialSigner(request: Request): Promise<Response> {
  const secret = request.headers.get('x-test-secret') ?? '';
  const method = request.headers.get('x-test-method') ?? 'POST';
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(await request.text())) params[k] = v;
  const given = params.Signature;
  delete params.Signature;
  const expected = OpenApiUtil.getRPCSignature(params, method, secret);
  return Response.json({ match: given === expected });
}
