import { expect } from '@open-wc/testing';
import { maxWindowRows, rowWindow, scrollTopFor } from './virtual-rows.js';

describe('rowWindow', () => {
  const base = { count: 10_000, rowHeight: 32, viewportHeight: 320, overscan: 5 };

  it('renders the visible rows plus overscan at the top', () => {
    expect(rowWindow({ ...base, scrollTop: 0 })).to.deep.equal({ first: 0, end: 16, before: 0, after: (10_000 - 16) * 32 });
  });

  it('renders the window around the scroll position', () => {
    expect(rowWindow({ ...base, scrollTop: 3200 })).to.deep.equal({ first: 95, end: 116, before: 3040, after: 316_288 });
  });

  it('ends exactly at the last row, even when scrolled past the end', () => {
    for (const scrollTop of [320_000 - 320, 10_000_000]) {
      const w = rowWindow({ ...base, scrollTop });
      expect(w.end).to.equal(10_000);
      expect(w.after).to.equal(0);
      expect(w.before + (w.end - w.first) * 32).to.equal(320_000);
    }
  });

  it('keeps the height of the list constant and the window bounded wherever it scrolls', () => {
    const bound = maxWindowRows(320, 32, 5);
    for (let top = 0; top < 320_000; top += 7919) {
      const w = rowWindow({ ...base, scrollTop: top });
      expect(w.before + (w.end - w.first) * 32 + w.after).to.equal(320_000);
      expect(w.end - w.first).to.be.at.most(bound);
      // The visible rows are inside the window.
      expect(w.first * 32).to.be.at.most(top);
      expect(w.end * 32).to.be.at.least(Math.min(top + 320, 320_000));
    }
  });

  it('handles empty and short lists', () => {
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).to.deep.equal({ first: 0, end: 0, before: 0, after: 0 });
    expect(rowWindow({ ...base, count: 3, scrollTop: 50 })).to.deep.equal({ first: 0, end: 3, before: 0, after: 0 });
  });
});

describe('scrollTopFor', () => {
  it('scrolls only as far as needed to show a row', () => {
    expect(scrollTopFor(5, 32, 0, 320)).to.equal(undefined);
    expect(scrollTopFor(50, 32, 0, 320)).to.equal(50 * 32 + 32 - 320);
    expect(scrollTopFor(2, 32, 640, 320)).to.equal(64);
  });
});
