import { describe, expect, test } from 'vitest';
import { AttemptTimeout, attemptSignal, ClientGone, deadlineSignal, DeadlineExceeded, msVar, raceAbort, sleep } from './timeout.js';

describe('time limits', () => {
  test('msVar falls back on missing or bad values', () => {
    expect(msVar(undefined, 10)).toBe(10);
    expect(msVar('', 10)).toBe(10);
    expect(msVar('abc', 10)).toBe(10);
    expect(msVar('-5', 10)).toBe(10);
    expect(msVar('250', 10)).toBe(250);
  });

  test('an attempt signal says why it fired', async () => {
    const d = deadlineSignal(10_000);
    const a = attemptSignal(20, d.signal);
    await expect(sleep(1000, a.signal)).rejects.toBeInstanceOf(AttemptTimeout);
    d.cancel();

    const d2 = deadlineSignal(20);
    const b = attemptSignal(10_000, d2.signal);
    await expect(sleep(1000, b.signal)).rejects.toBeInstanceOf(DeadlineExceeded);
    b.done();

    const caller = new AbortController();
    const d3 = deadlineSignal(10_000);
    const c = attemptSignal(10_000, d3.signal, caller.signal);
    caller.abort();
    expect(c.signal.reason).toBeInstanceOf(ClientGone);
    d3.cancel();
  });

  test('raceAbort ends a promise that never settles', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new AttemptTimeout('slow')), 10);
    await expect(raceAbort(new Promise(() => {}), ctl.signal)).rejects.toBeInstanceOf(AttemptTimeout);
    await expect(raceAbort(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });
});
