import { expect } from '@open-wc/testing';
import { pollUntil, sleep } from './poll.js';

describe('pollUntil', () => {
  it('asks again with growing waits until there is an answer', async () => {
    const at: number[] = [];
    const t0 = performance.now();
    const v = await pollUntil(
      async () => {
        at.push(performance.now() - t0);
        return at.length === 3 ? 'Attached' : undefined;
      },
      { signal: new AbortController().signal, initial: 20, factor: 2 },
    );
    expect(v).to.equal('Attached');
    expect(at).to.have.length(3);
    expect(at[2]! - at[1]!).to.be.greaterThan(at[1]! - at[0]! + 5); // the second wait is longer
  });

  it('stops when aborted, with the abort reason', async () => {
    const ctl = new AbortController();
    const p = pollUntil(async () => undefined, { signal: ctl.signal, initial: 1000 });
    setTimeout(() => ctl.abort(new DOMException('gone', 'AbortError')), 20);
    const e = await p.then(() => undefined, (err: unknown) => err as DOMException);
    expect(e?.name).to.equal('AbortError');
  });

  it('gives up after the timeout saying so', async () => {
    const e = await pollUntil(async () => undefined, { signal: new AbortController().signal, initial: 10, timeout: 40 }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(e?.message).to.match(/Still not settled after/);
  });

  it('sleep rejects at once on an aborted signal', async () => {
    const ctl = new AbortController();
    ctl.abort(new DOMException('x', 'AbortError'));
    const e = await sleep(10, ctl.signal).then(() => 'slept', () => 'aborted');
    expect(e).to.equal('aborted');
  });
});
