import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { formatDate, formatNumber, messages, normalizeLocale } from './index.js';
import { zhCN } from './zh-cn.js';

describe('i18n', () => {
  it('gives every Chinese tag the Simplified Chinese messages, everything else English', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-cn'].map(normalizeLocale)).to.deep.equal(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'fr', '', undefined, null].map(normalizeLocale)).to.deep.equal(['en', 'en', 'en', 'en', 'en', 'en']);
    expect(messages('zh-CN')).to.equal(zhCN);
    expect(messages('en')).to.equal(en);
  });

  it('has a Chinese text for every English key, and none left in English', () => {
    expect(Object.keys(zhCN).sort()).to.deep.equal(Object.keys(en).sort());
    expect(Object.keys(zhCN.status).sort()).to.deep.equal(Object.keys(en.status).sort());
    const same = Object.keys(en).filter((k) => typeof en[k as keyof typeof en] === 'string' && en[k as keyof typeof en] === zhCN[k as keyof typeof zhCN]);
    expect(same).to.deep.equal(['colId']); // "ID" is the same word in both
  });

  it('formats numbers and Alibaba times through Intl', () => {
    expect(formatNumber('en', 12345)).to.equal('12,345');
    expect(formatNumber('zh-CN', 12345)).to.equal('12,345');
    expect(formatDate('en', '2019-10-22T07:44Z')).to.match(/2019/);
    expect(formatDate('zh-CN', '2019-10-22T07:44Z')).to.match(/2019年10月22日/);
    expect(formatDate('en', 'not a time')).to.equal('not a time');
    expect(formatDate('en', undefined)).to.equal('');
  });
});
