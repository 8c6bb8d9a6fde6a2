import { describe, expect, test } from 'vitest';
import { endpointFor } from './endpoints.js';

describe('endpointFor', () => {
  test('CEN always goes to cbn.aliyuncs.com', () => {
    expect(endpointFor('Cbn', { RegionId: 'eu-central-1' }, {})).toBe('https://cbn.aliyuncs.com');
  });

  test('VPC: central map, regional host for other known regions', () => {
    expect(endpointFor('Vpc', { RegionId: 'cn-hangzhou' }, {})).toBe('https://vpc.aliyuncs.com');
    expect(endpointFor('Vpc', { RegionId: 'us-west-1' }, {})).toBe('https://vpc.aliyuncs.com');
    expect(endpointFor('Vpc', { RegionId: 'eu-central-1' }, {})).toBe('https://vpc.eu-central-1.aliyuncs.com');
    expect(endpointFor('Vpc', { RegionId: 'ap-southeast-5' }, {})).toBe('https://vpc.ap-southeast-5.aliyuncs.com');
  });

  test('a region the catalogue does not know never becomes a host name', () => {
    expect(endpointFor('Vpc', { RegionId: 'evil.example.com#' }, {})).toBe('https://vpc.aliyuncs.com');
    expect(endpointFor('Vpc', { RegionId: 'xx-nowhere-9' }, {})).toBe('https://vpc.aliyuncs.com');
  });

  test('operator overrides win', () => {
    const env = { ALIBABA_CLOUD_ENDPOINT_CBN: 'http://127.0.0.1:8790', ALIBABA_CLOUD_ENDPOINT_VPC: 'http://127.0.0.1:8791' };
    expect(endpointFor('Cbn', {}, env)).toBe('http://127.0.0.1:8790');
    expect(endpointFor('Vpc', { RegionId: 'eu-central-1' }, env)).toBe('http://127.0.0.1:8791');
  });
});
