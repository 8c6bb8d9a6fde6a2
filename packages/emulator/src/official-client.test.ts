/**
 * The official Node RPC core (@alicloud/pop-core) against the emulator: its
 * signatures (GET and POST) are accepted, and its JSON reader (json-bigint)
 * gets exact account IDs.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, emulator } from './test-helpers.js';
import { serveOnSocket, type Bridge } from './test-node-bridge.js';
import { SEED } from './world/seed.js';

const require = createRequire(import.meta.url);
type PopClient = { request<T = Record<string, any>>(action: string, params: object, opts?: object): Promise<T> };
const RPCClient = require('@alicloud/pop-core') as new (c: Record<string, string>) => PopClient;

let bridge: Bridge;
beforeAll(async () => {
  bridge = await serveOnSocket(emulator());
});
afterAll(() => bridge.close());

const client = (account = A, apiVersion = '2017-09-12') =>
  new RPCClient({ endpoint: 'http://emulator.local/emulator', apiVersion, accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret });

describe('@alicloud/pop-core', () => {
  for (const method of ['GET', 'POST'] as const) {
    it(`creates, lists and deletes a CEN with ${method}`, async () => {
      const opts = { method, agent: bridge.agent, timeout: 5000 };
      const c = client();
      const created = await c.request<{ CenId: string; RequestId: string }>('CreateCen', { Name: `pop-${method}`, Description: 'official client' }, opts);
      expect(created.CenId).toMatch(/^cen-/);
      expect(created.RequestId).toMatch(/^[0-9A-F-]{36}$/);
      const listed = await c.request<any>('DescribeCens', { 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': created.CenId }, opts);
      expect(listed.TotalCount).toBe(1);
      expect(listed.Cens.Cen[0]).toMatchObject({ CenId: created.CenId, Name: `pop-${method}`, Status: 'Active' });
      await c.request('DeleteCen', { CenId: created.CenId }, opts);
      const after = await c.request<any>('DescribeCens', { 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': created.CenId }, opts);
      expect(after.TotalCount).toBe(0);
    });
  }

  it('reads account B\'s ID exactly through json-bigint', async () => {
    const c = client(B, '2016-04-28');
    const opts = { method: 'POST', agent: bridge.agent, timeout: 5000 };
    const vpcs = await c.request<any>('DescribeVpcs', { RegionId: 'cn-hangzhou', VpcId: SEED.vpcB }, opts);
    expect(String(vpcs.Vpcs.Vpc[0].OwnerId)).toBe(B.accountId);
  });

  it('gets Alibaba-shaped errors it understands', async () => {
    const c = new RPCClient({ endpoint: 'http://emulator.local/', apiVersion: '2017-09-12', accessKeyId: A.accessKeyId, accessKeySecret: 'not-the-secret' });
    const e = await c.request('DescribeCens', {}, { method: 'POST', agent: bridge.agent }).catch((x: unknown) => x as { code: string; data: Record<string, string> });
    expect((e as { code: string }).code).toBe('SignatureDoesNotMatch');
    expect((e as { data: Record<string, string> }).data.Message).toContain('server string to sign is:POST&%2F&');
  });
});

describe('@alicloud/openapi-client', () => {
  let installed = true;
  try {
    require.resolve('@alicloud/openapi-client');
  } catch {
    installed = false;
  }
  it.skipIf(!installed)('is not installed in this workspace; when it is, point it at the emulator the same way', () => {
    expect(installed).toBe(true);
  });
});
