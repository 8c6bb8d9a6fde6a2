import { expect } from '@open-wc/testing';
import {
  checkAccountId,
  checkBandwidth,
  checkBandwidthLimit,
  checkBandwidthPackageName,
  checkCidr,
  checkClientToken,
  checkDescription,
  checkHealthCheckSourceIp,
  checkIpv4,
  checkName,
  checkPackagePeriod,
  checkRange,
} from '@cen-kit/catalog/rules';
import { ruleText } from './rule-text.zh-cn.js';

const CJK = /[\u4e00-\u9fff]/;

describe('ruleText (zh-CN)', () => {
  it('has Chinese for every message the catalogue rules give', () => {
    const messages = [
      checkName('x'.repeat(200)),
      checkName('https://a'),
      checkDescription('x'.repeat(300)),
      checkBandwidthPackageName('a'),
      checkBandwidthPackageName('1abc'),
      checkClientToken(''),
      checkClientToken('ü'),
      checkBandwidth(2.5),
      checkBandwidth(1),
      checkBandwidthLimit(-1),
      checkIpv4('1.2.3'),
      checkCidr('10.0.0.0/33'),
      checkHealthCheckSourceIp('8.8.8.8'),
      checkRange(9, 2, 3, ' s'),
      checkRange(9, 3, 8),
      checkAccountId('abc'),
      checkPackagePeriod(4, 'Month'),
      checkPackagePeriod(6, 'Year'),
    ];
    for (const m of messages) {
      expect(m, 'every sample is refused').to.be.a('string');
      const zh = ruleText(m!);
      expect(zh, m).to.match(CJK);
      expect(zh, m).to.not.match(/must|between|characters/);
    }
    expect(ruleText(checkBandwidth(1)!)).to.equal('须介于 2 到 10000 Mbit/s 之间');
    expect(ruleText(checkPackagePeriod(4, 'Month')!)).to.equal('按月计费时须为 1、2、3、6 之一（当前 4）');
  });

  it('leaves a message it does not know in English', () => {
    expect(ruleText('is something new')).to.equal('is something new');
  });
});
