import { describe, expect, it } from 'vitest';
import { createEmulator } from '../app.js';
import { err, ok } from '../test-helpers.js';
import { seedWorld } from './seed.js';
import { CachedStore, KeyValueStore, MemoryStore } from './store.js';
import { WORLD_VERSION } from './types.js';

class FakeStorage {
  data = new Map<string, unknown>();
  async get(k: string) {
    // Durable Object storage hands back a structured clone.
    return structuredClone(this.data.get(k));
  }
  async put(k: string, v: unknown) {
    this.data.set(k, structuredClone(v));
  }
}

describe('stores', () => {
  it('reads do not write the store once the world exists; writes do', async () => {
    const storage = new FakeStorage();
    let puts = 0;
    const counting = { get: (k: string) => storage.get(k), put: async (k: string, v: unknown) => void (puts++, await storage.put(k, v)) };
    const app = createEmulator({ store: new KeyValueStore(counting) });
    await ok(app, 'DescribeCens', {});
    expect(puts).toBe(1); // the fresh seed
    await ok(app, 'DescribeCens', {});
    await ok(app, 'DescribeCenBandwidthPackages', {});
    expect(puts).toBe(1);
    await ok(app, 'CreateCen', {});
    expect(puts).toBe(2);
  });

  it('the world is plain, structured-clone-safe, versioned data', () => {
    const w = seedWorld(Date.now());
    expect(w.version).toBe(WORLD_VERSION);
    expect(structuredClone(w)).toEqual(w);
    expect(JSON.parse(JSON.stringify(w))).toEqual(w);
  });

  it('MemoryStore copies in and out', async () => {
    const s = new MemoryStore();
    expect(await s.load()).toBeUndefined();
    const w = seedWorld(0);
    await s.save(w);
    w.cens = [];
    expect((await s.load())!.cens).toHaveLength(1);
  });

  it('KeyValueStore keeps the world across emulator instances and reseeds an old version', async () => {
    const storage = new FakeStorage();
    const first = createEmulator({ store: new KeyValueStore(storage) });
    await ok(first, 'CreateCen', { Name: 'persisted' });
    const second = createEmulator({ store: new KeyValueStore(storage) });
    const names = ((await ok(second, 'DescribeCens', { PageSize: 50 })) as any).Cens.Cen.map((c: any) => c.Name);
    expect(names).toContain('persisted');

    storage.data.set('cen-kit-emulator-world', { version: 0, cens: [] });
    const third = createEmulator({ store: new KeyValueStore(storage) });
    expect(((await ok(third, 'DescribeCens', {})) as any).Cens.Cen.map((c: any) => c.Name)).toEqual(['demo-cen']);
  });

  it('CachedStore reads storage once, still writes every change, and survives a restart', async () => {
    const storage = new FakeStorage();
    let gets = 0;
    let puts = 0;
    const counting = { get: (k: string) => (gets++, storage.get(k)), put: async (k: string, v: unknown) => void (puts++, await storage.put(k, v)) };
    const app = createEmulator({ store: new CachedStore(new KeyValueStore(counting)) });
    for (let i = 0; i < 5; i++) await ok(app, 'DescribeCens', {});
    expect([gets, puts]).toEqual([1, 1]); // one read finds nothing, one save of the fresh seed
    await ok(app, 'CreateCen', { Name: 'cached' });
    expect([gets, puts]).toEqual([1, 2]);
    const names = async (a: typeof app) => ((await ok(a, 'DescribeCens', { PageSize: 50 })) as any).Cens.Cen.map((c: any) => c.Name);
    expect(await names(app)).toContain('cached');
    // A new instance (a restarted Durable Object) reads what was saved.
    expect(await names(createEmulator({ store: new CachedStore(new KeyValueStore(storage)) }))).toContain('cached');
  });

  it('CachedStore forgets the world after a failed call, so the next call reads storage again', async () => {
    const storage = new FakeStorage();
    let gets = 0;
    const counting = { get: (k: string) => (gets++, storage.get(k)), put: (k: string, v: unknown) => storage.put(k, v) };
    const app = createEmulator({ store: new CachedStore(new KeyValueStore(counting)) });
    await ok(app, 'DescribeCens', {});
    expect(gets).toBe(1);
    expect((await err(app, 'DeleteCen', { CenId: 'cen-doesnotexist' })).Code).toBe('ParameterCenInstanceId');
    await ok(app, 'DescribeCens', {});
    expect(gets).toBe(2);
  });

  it('CachedStore does not cache a world whose save failed', async () => {
    let fail = false;
    const inner = new MemoryStore();
    const store = new CachedStore({ load: () => inner.load(), save: async (w) => (fail ? Promise.reject(new Error('disk full')) : inner.save(w)) });
    await store.save(seedWorld(0));
    const w = (await store.load())!;
    w.cens = [];
    fail = true;
    await expect(store.save(w)).rejects.toThrow('disk full');
    expect((await store.load())!.cens).toHaveLength(1);
  });
});
