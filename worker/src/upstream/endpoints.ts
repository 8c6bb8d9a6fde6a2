/**
 * Where each product's calls go. The hosts are fixed (never taken from a
 * caller); only the operator's vars ALIBABA_CLOUD_ENDPOINT_CBN/_VPC replace them.
 */
import { regionById, type Product } from '@cen-kit/catalog';
import type { Bindings } from '../env.js';

/** Regions the VPC product serves from its central endpoint (the official Go SDK's endpoint map). */
const VPC_CENTRAL_REGIONS = new Set([
  'cn-hangzhou',
  'cn-shanghai',
  'cn-shenzhen',
  'cn-qingdao',
  'cn-beijing',
  'cn-hongkong',
  'ap-southeast-1',
  'us-east-1',
  'us-west-1',
]);

export const CBN_ENDPOINT = 'https://cbn.aliyuncs.com';
export const VPC_ENDPOINT = 'https://vpc.aliyuncs.com';

/**
 * The base URL for a call. VPC regions outside the central map get the
 * regional host `vpc.{RegionId}.aliyuncs.com`, but only for regions the
 * catalogue knows, so a parameter can never steer the host elsewhere.
 *
 * @example
 * ```ts
 * endpointFor('Vpc', { RegionId: 'eu-central-1' }, env); // 'https://vpc.eu-central-1.aliyuncs.com'
 * ```
 */
export function endpointFor(product: Product, params: Record<string, unknown>, env: Pick<Bindings, 'ALIBABA_CLOUD_ENDPOINT_CBN' | 'ALIBABA_CLOUD_ENDPOINT_VPC'>): string {
  if (product === 'Cbn') return env.ALIBABA_CLOUD_ENDPOINT_CBN || CBN_ENDPOINT;
  if (env.ALIBABA_CLOUD_ENDPOINT_VPC) return env.ALIBABA_CLOUD_ENDPOINT_VPC;
  const region = typeof params.RegionId === 'string' ? params.RegionId : undefined;
  if (region && !VPC_CENTRAL_REGIONS.has(region) && regionById(region)) return `https://vpc.${region}.aliyuncs.com`;
  return VPC_ENDPOINT;
}
