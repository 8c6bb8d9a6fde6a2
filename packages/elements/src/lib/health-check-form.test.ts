import { expect } from '@open-wc/testing';
import { checkHealthCheckForm, defaultHealthCheckForm, enableParams } from './health-check-form.js';

describe('health check form', () => {
  const ok = { ...defaultHealthCheckForm(), VbrInstanceId: 'vbr-1', HealthCheckTargetIp: '10.0.0.1' };

  it('starts from Alibaba defaults and needs a VBR and a target IP', () => {
    expect(checkHealthCheckForm(defaultHealthCheckForm())).to.deep.equal({
      VbrInstanceId: { code: 'required' },
      HealthCheckTargetIp: { code: 'required' },
    });
    expect(checkHealthCheckForm(ok)).to.deep.equal({});
  });

  it('applies the catalogue rules to every field', () => {
    const bad = checkHealthCheckForm({
      ...ok,
      HealthCheckTargetIp: '10.0.0.256',
      HealthCheckSourceIp: '8.8.8.8',
      HealthCheckInterval: 4,
      HealthyThreshold: 2,
    });
    expect(Object.keys(bad).sort()).to.deep.equal(['HealthCheckInterval', 'HealthCheckSourceIp', 'HealthCheckTargetIp', 'HealthyThreshold']);
    expect(bad.HealthCheckInterval).to.deep.equal({ code: 'rule', message: 'must be a whole number from 2 to 3 s' });
    expect(checkHealthCheckForm({ ...ok, HealthCheckSourceIp: '192.168.1.1', HealthCheckInterval: 3, HealthyThreshold: 3 })).to.deep.equal({});
  });

  it('leaves optional fields out of the call when empty', () => {
    expect(enableParams('cen-1', 'cn-hangzhou', ok)).to.deep.equal({
      CenId: 'cen-1',
      VbrInstanceId: 'vbr-1',
      VbrInstanceRegionId: 'cn-hangzhou',
      HealthCheckTargetIp: '10.0.0.1',
      HealthCheckInterval: 2,
      HealthyThreshold: 8,
      HealthCheckOnly: false,
    });
    expect(enableParams('cen-1', 'cn-hangzhou', { ...ok, HealthCheckSourceIp: ' 10.1.1.1 ' }).HealthCheckSourceIp).to.equal('10.1.1.1');
  });
});
