import { describe, expect, it } from 'vitest';
import { FULL_ACCESS, mergePolicies, NO_ACCESS, READ_ONLY } from './builtin.js';
import { allowedSomewhere, evaluate, parsePolicy, PolicyConfigError, ramAction } from './policy.js';

const cen = (id: string) => `acs:cen:*:*:ceninstance/${id}`;
const vpc = (region: string, id: string) => `acs:vpc:${region}:*:vpc/${id}`;

describe('parsePolicy', () => {
  it('normalises strings to lists and defaults Resource to *', () => {
    expect(parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'cen:Describe*' }] }, 'p')).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['cen:Describe*'], Resource: ['*'], conditional: false }],
    });
  });

  it.each([
    [null, 'p: must be an object'],
    [{ Statement: 'x' }, 'p.Statement: must be a list'],
    [{ Version: '2', Statement: [] }, 'p.Version: must be "1"'],
    [{ Statement: [{ Effect: 'allow', Action: '*' }] }, 'p.Statement[0].Effect: must be "Allow" or "Deny"'],
    [{ Statement: [{ Effect: 'Allow', Action: [] }] }, 'p.Statement[0].Action: must be a pattern or a non-empty list of patterns'],
    [{ Statement: [{ Effect: 'Allow', Action: 'DescribeCens' }] }, 'p.Statement[0].Action[0]: "DescribeCens" is not an action pattern like "cen:Describe*" or "*"'],
    [{ Statement: [{ Effect: 'Allow', Action: '*', Resource: [''] }] }, 'p.Statement[0].Resource[0]: must be a non-empty string of at most 512 characters'],
    [{ Statement: [{ Effect: 'Allow', NotAction: '*' }] }, 'p.Statement[0].NotAction: is not supported (use Effect, Action, Resource, Condition)'],
  ])('refuses %j with a message that says where', (value, message) => {
    expect(() => parsePolicy(value, 'p')).toThrow(PolicyConfigError);
    expect(() => parsePolicy(value, 'p')).toThrow(message);
  });
});

describe('evaluate', () => {
  const policy = parsePolicy(
    {
      Statement: [
        { Effect: 'Allow', Action: ['cen:Describe*', 'vpc:DescribeVpcs'] },
        { Effect: 'Allow', Action: 'cen:ModifyCenAttribute', Resource: cen('cen-allowed') },
        { Effect: 'Allow', Action: 'cen:AttachCenChildInstance', Resource: [cen('cen-allowed'), 'acs:vpc:cn-*:*:vpc/*'] },
        { Effect: 'Allow', Action: 'cen:Delete*' },
        { Effect: 'Deny', Action: 'cen:DeleteCen', Resource: cen('cen-protected') },
        { Effect: 'Deny', Action: 'cen:DescribeCenBandwidthPackages' },
      ],
    },
    'p',
  );

  it('allows what an Allow names, with wildcards and case-insensitive action names', () => {
    expect(evaluate(policy, 'cen:DescribeCens', [cen('*')])).toEqual({ allowed: true });
    expect(evaluate(policy, 'CEN:describecens', [])).toEqual({ allowed: true });
    expect(evaluate(policy, 'vpc:DescribeVpcs', [vpc('cn-hangzhou', '*')])).toEqual({ allowed: true });
  });

  it('refuses what no Allow names', () => {
    expect(evaluate(policy, 'cen:CreateCen', [cen('*')])).toEqual({ allowed: false, reason: 'no-allow', resource: cen('*') });
    expect(evaluate(policy, 'vpc:DescribeRouteTables', [])).toEqual({ allowed: false, reason: 'no-allow', resource: '*' });
  });

  it('scopes statements to resources', () => {
    expect(evaluate(policy, 'cen:ModifyCenAttribute', [cen('cen-allowed')])).toEqual({ allowed: true });
    expect(evaluate(policy, 'cen:ModifyCenAttribute', [cen('cen-other')])).toMatchObject({ allowed: false, reason: 'no-allow', resource: cen('cen-other') });
  });

  it('needs every resource of a call to be allowed', () => {
    expect(evaluate(policy, 'cen:AttachCenChildInstance', [cen('cen-allowed'), vpc('cn-hangzhou', 'vpc-1')])).toEqual({ allowed: true });
    expect(evaluate(policy, 'cen:AttachCenChildInstance', [cen('cen-allowed'), vpc('us-east-1', 'vpc-1')])).toMatchObject({
      allowed: false,
      resource: vpc('us-east-1', 'vpc-1'),
    });
  });

  it('lets an explicit Deny win over an Allow', () => {
    expect(evaluate(policy, 'cen:DeleteCen', [cen('cen-any')])).toEqual({ allowed: true });
    expect(evaluate(policy, 'cen:DeleteCen', [cen('cen-protected')])).toEqual({ allowed: false, reason: 'explicit-deny', resource: cen('cen-protected') });
    expect(evaluate(policy, 'cen:DescribeCenBandwidthPackages', [])).toMatchObject({ allowed: false, reason: 'explicit-deny' });
  });

  it('never grants through a Condition it does not evaluate, and always denies through one', () => {
    const p = parsePolicy(
      {
        Statement: [
          { Effect: 'Allow', Action: 'cen:CreateCen', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
          { Effect: 'Allow', Action: 'cen:DeleteCen' },
          { Effect: 'Deny', Action: 'cen:DeleteCen', Condition: { Bool: { 'acs:MFAPresent': 'false' } } },
        ],
      },
      'p',
    );
    expect(evaluate(p, 'cen:CreateCen', []).allowed).toBe(false);
    expect(evaluate(p, 'cen:DeleteCen', []).allowed).toBe(false);
  });

  it('has built-in policies for the emulator, anonymous readers and nobody', () => {
    expect(evaluate(FULL_ACCESS, 'cen:DeleteCen', [cen('x')]).allowed).toBe(true);
    expect(evaluate(READ_ONLY, 'cen:DescribeCens', []).allowed).toBe(true);
    expect(evaluate(READ_ONLY, 'vpc:DescribeVpcs', []).allowed).toBe(true);
    expect(evaluate(READ_ONLY, 'cen:CreateCen', []).allowed).toBe(false);
    expect(evaluate(NO_ACCESS, 'cen:DescribeCens', []).allowed).toBe(false);
    expect(evaluate(mergePolicies([READ_ONLY, policy]), 'cen:DeleteCen', [cen('cen-protected')]).allowed).toBe(false);
  });
});

describe('allowedSomewhere', () => {
  const p = parsePolicy(
    {
      Statement: [
        { Effect: 'Allow', Action: 'cen:ModifyCenAttribute', Resource: cen('cen-1') },
        { Effect: 'Allow', Action: 'cen:*' },
        { Effect: 'Deny', Action: 'cen:DeleteCen' },
        { Effect: 'Deny', Action: 'cen:DetachCenChildInstance', Resource: cen('cen-1') },
      ],
    },
    'p',
  );
  it('is true when some resource could be allowed', () => {
    expect(allowedSomewhere(p, 'cen:ModifyCenAttribute')).toBe(true);
    expect(allowedSomewhere(p, 'cen:DetachCenChildInstance')).toBe(true);
  });
  it('is false when denied everywhere or never allowed', () => {
    expect(allowedSomewhere(p, 'cen:DeleteCen')).toBe(false);
    expect(allowedSomewhere(p, 'vpc:DescribeVpcs')).toBe(false);
  });
});

describe('ramAction', () => {
  it('names Cbn actions cen: and Vpc actions vpc:', () => {
    expect(ramAction({ product: 'Cbn', Action: 'CreateCen' })).toBe('cen:CreateCen');
    expect(ramAction({ product: 'Vpc', Action: 'DescribeVpcs' })).toBe('vpc:DescribeVpcs');
  });
});
