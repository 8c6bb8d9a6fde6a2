import { expect } from '@open-wc/testing';
import { cidrSortKey, compareCidr, matchesCidrFilter, parseCidrFilter } from './cidr-sort.js';

describe('compareCidr', () => {
  it('orders by network as a number, not as text', () => {
    const sorted = ['192.168.0.0/16', '10.0.0.0/8', '9.255.0.0/16', '100.64.0.0/10', '10.0.0.0/16', '2.0.0.0/8'].sort(compareCidr);
    expect(sorted).to.deep.equal(['2.0.0.0/8', '9.255.0.0/16', '10.0.0.0/8', '10.0.0.0/16', '100.64.0.0/10', '192.168.0.0/16']);
  });

  it('puts the shorter prefix first for the same network', () => {
    expect(['10.0.0.0/24', '10.0.0.0/16', '10.0.0.0/8', '10.0.0.0/32'].sort(compareCidr)).to.deep.equal([
      '10.0.0.0/8',
      '10.0.0.0/16',
      '10.0.0.0/24',
      '10.0.0.0/32',
    ]);
  });

  it('sorts the highest network correctly (no signed 32-bit overflow)', () => {
    expect(['255.255.255.255/32', '128.0.0.0/1', '0.0.0.0/0'].sort(compareCidr)).to.deep.equal(['0.0.0.0/0', '128.0.0.0/1', '255.255.255.255/32']);
  });

  it('puts text that is not a CIDR block last', () => {
    expect(['local', '10.0.0.0/8', 'abc'].sort(compareCidr)).to.deep.equal(['10.0.0.0/8', 'abc', 'local']);
    expect(cidrSortKey('nope')).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('agrees with a reference order on random blocks', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const blocks = Array.from({ length: 500 }, () => {
      const o = [0, 0, 0, 0].map(() => Math.floor(rnd() * 256));
      const p = Math.floor(rnd() * 33);
      const n = (((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0) & (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0);
      const net = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
      return { text: `${net}/${p}`, n: n >>> 0, p };
    });
    const ours = blocks.map((b) => b.text).sort(compareCidr);
    const reference = blocks
      .slice()
      .sort((a, b) => a.n - b.n || a.p - b.p)
      .map((b) => b.text);
    expect(ours).to.deep.equal(reference);
  });
});

describe('parseCidrFilter', () => {
  it('reads a block as "inside" and an address as "contains"', () => {
    const a = parseCidrFilter(' 10.0.0.0/8 ');
    expect(a.ok && a.filter?.kind).to.equal('inside');
    const b = parseCidrFilter('10.1.2.3');
    expect(b.ok && b.filter?.kind).to.equal('contains');
  });

  it('treats empty input as no filter', () => {
    expect(parseCidrFilter('   ')).to.deep.equal({ ok: true, filter: undefined });
  });

  it('says why input is refused', () => {
    expect(parseCidrFilter('10.0.0/8')).to.deep.equal({ ok: false, problem: 'format' });
    expect(parseCidrFilter('10.0.0.0/')).to.deep.equal({ ok: false, problem: 'format' });
    expect(parseCidrFilter('hello')).to.deep.equal({ ok: false, problem: 'format' });
    expect(parseCidrFilter('10.0.0.300/8')).to.deep.equal({ ok: false, problem: 'octet' });
    expect(parseCidrFilter('10.01.0.0/16')).to.deep.equal({ ok: false, problem: 'octet' });
    expect(parseCidrFilter('10.0.0.0/33')).to.deep.equal({ ok: false, problem: 'prefix' });
    expect(parseCidrFilter('10.0.0.0/100')).to.deep.equal({ ok: false, problem: 'prefix' });
  });
});

describe('matchesCidrFilter', () => {
  const f = (s: string) => {
    const r = parseCidrFilter(s);
    if (!r.ok) throw new Error(s);
    return r.filter;
  };

  it('keeps every route inside a block, the block itself included', () => {
    const inside = ['10.0.0.0/8', '10.1.0.0/16', '10.255.255.0/24', '11.0.0.0/8', '10.0.0.0/7', '192.168.0.0/16'].filter((c) =>
      matchesCidrFilter(c, f('10.0.0.0/8')),
    );
    expect(inside).to.deep.equal(['10.0.0.0/8', '10.1.0.0/16', '10.255.255.0/24']);
  });

  it('keeps the routes that contain an address', () => {
    const hits = ['0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16', '10.1.2.3/32'].filter((c) => matchesCidrFilter(c, f('10.1.2.3')));
    expect(hits).to.deep.equal(['0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.2.3/32']);
  });

  it('passes everything without a filter and nothing unparsable with one', () => {
    expect(matchesCidrFilter('whatever', undefined)).to.equal(true);
    expect(matchesCidrFilter('whatever', f('0.0.0.0/0'))).to.equal(false);
  });
});
