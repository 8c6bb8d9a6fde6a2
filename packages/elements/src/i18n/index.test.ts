import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { formatDate, formatNumber, localeReady, localized, messages, normalizeLocale } from './index.js';
import { zhCN } from './zh-cn.js';

describe('i18n', () => {
  it('gives every Chinese tag the Simplified Chinese messages, everything else English', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH-cn'].map(normalizeLocale)).to.deep.equal(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'fr', '', undefined, null].map(normalizeLocale)).to.deep.equal(['en', 'en', 'en', 'en', 'en', 'en']);
    expect(messages('en')).to.equal(en);
  });

  it('loads the Chinese texts on demand and gives English until they are there', async () => {
    expect(localeReady('en')).to.equal(undefined);
    const wait = localeReady('zh-CN');
    if (wait) {
      // Not loaded yet in this page: English meanwhile, one load for every caller.
      expect(messages('zh-CN')).to.equal(en);
      expect(localeReady('zh-CN')).to.equal(wait);
      await wait;
    }
    expect(localeReady('zh-CN')).to.equal(undefined);
    expect(messages('zh-CN')).to.equal(zhCN);
    expect(localized('zh-CN', (l) => l.base.retry, 'Retry')).to.equal('重试');
    expect(localized('en', (l) => l.base.retry, 'Retry')).to.equal('Retry');
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
