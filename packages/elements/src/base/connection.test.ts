import { expect } from '@open-wc/testing';
import { createCenClient, type ApiIndex } from '@cen-kit/client';
import { configure } from './config.js';
import { apiIndexOf, isAllowed, resolveConnection } from './connection.js';

const index = (readOnly: boolean, allowed: Record<string, boolean>): ApiIndex => ({
  backend: 'emulator',
  readOnly,
  caller: { kind: 'emulator', name: 'emulator', profiles: ['A', 'B'] },
  actions: Object.entries(allowed).map(([Action, ok]) => ({
    Action,
    product: 'Cbn',
    Version: '2017-09-12',
    access: Action.startsWith('Describe') ? 'read' : 'write',
    ClientToken: false,
    summary: '',
    allowed: ok,
    parameters: {},
  })),
});

describe('connection', () => {
  afterEach(() => configure({ api: undefined, client: undefined, profile: undefined }));

  it('shares one client per API URL and profile', () => {
    const a = resolveConnection({ profile: 'B' });
    expect(resolveConnection({ profile: 'B' }).client).to.equal(a.client);
    expect(resolveConnection({ profile: 'A' }).client).not.to.equal(a.client);
    expect(resolveConnection({ api: '/other', profile: 'B' }).client).not.to.equal(a.client);
  });

  it('prefers the element client, then its api, then configure(), then <meta>', () => {
    const own = createCenClient();
    const configured = createCenClient();
    configure({ client: configured, profile: 'B' });
    expect(resolveConnection({ client: own }).client).to.equal(own);
    expect(resolveConnection({}).client).to.equal(configured);
    // A given client gets the profile per call.
    expect(resolveConnection({}).profile).to.equal('B');
    expect(resolveConnection({ api: '/x' }).client).not.to.equal(configured);
    configure({ client: undefined });
    const meta = Object.assign(document.createElement('meta'), { name: 'cen-kit:api', content: '/from-meta' });
    document.head.append(meta);
    try {
      configure({ profile: undefined });
      expect(resolveConnection({})).to.not.equal(undefined);
      expect(resolveConnection({}).client).to.equal(resolveConnection({ api: '/from-meta' }).client);
    } finally {
      meta.remove();
    }
  });

  it('allows writes only when listed as allowed and the deployment is not read-only', () => {
    expect(isAllowed(undefined, 'CreateCen')).to.equal(false);
    expect(isAllowed(index(false, { CreateCen: true }), 'CreateCen')).to.equal(true);
    expect(isAllowed(index(false, { CreateCen: false }), 'CreateCen')).to.equal(false);
    expect(isAllowed(index(true, { CreateCen: true, DescribeCens: true }), 'CreateCen')).to.equal(false);
    expect(isAllowed(index(true, { CreateCen: true, DescribeCens: true }), 'DescribeCens')).to.equal(true);
    expect(isAllowed(index(false, {}), 'DeleteCen')).to.equal(false);
  });

  it('asks GET /api once per client (from the real Worker)', async () => {
    const calls: string[] = [];
    const client = createCenClient({ fetch: (i, init) => (calls.push(String(i)), fetch(i, init)) });
    const [a, b] = await Promise.all([apiIndexOf(client), apiIndexOf(client)]);
    expect(a).to.equal(b);
    expect(calls).to.deep.equal(['/api']);
    expect(a.actions.some((x) => x.Action === 'AttachCenChildInstance')).to.equal(true);
  });
});
