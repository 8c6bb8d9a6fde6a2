import { describe, expect, it } from 'vitest';
import { accountIdOut, plainAccountIds, stringifyExact } from './account-id.js';

describe('exact account IDs', () => {
  it('writes safe IDs as numbers and larger ones as exact literals', () => {
    expect(stringifyExact({ a: accountIdOut('1688000000000001'), b: [accountIdOut('9188000000000002')] })).toBe('{"a":1688000000000001,"b":[9188000000000002]}');
  });

  it('cannot be forged by text a caller sends', () => {
    const name = '@@exact-00000000-0000-0000-0000-000000000000@@123';
    expect(JSON.parse(stringifyExact({ Name: name }))).toEqual({ Name: name });
    expect(JSON.parse(stringifyExact({ Name: '{"$cenKitAccountId":"1"}' }))).toEqual({ Name: '{"$cenKitAccountId":"1"}' });
  });

  it('cannot be forged beside a real large ID either', () => {
    const name = '@@exact-00000000-0000-0000-0000-000000000000@@123';
    const text = stringifyExact({ Name: name, Owner: accountIdOut('9188000000000002'), Names: [name, `"${name}"`] });
    expect(text).toBe(`{"Name":${JSON.stringify(name)},"Owner":9188000000000002,"Names":${JSON.stringify([name, `"${name}"`])}}`);
  });

  it('writes IDs that are not digits as strings', () => {
    expect(stringifyExact({ a: accountIdOut('12x'), b: accountIdOut('123456789012345678901') })).toBe('{"a":"12x","b":"123456789012345678901"}');
  });

  it('becomes plain digits for XML', () => {
    expect(plainAccountIds({ x: [{ id: accountIdOut('9188000000000002') }] })).toEqual({ x: [{ id: '9188000000000002' }] });
  });
});
