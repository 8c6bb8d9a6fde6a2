import { describe, expect, it } from 'vitest';
import { createEmulator } from '../app.js';
import { ok } from '../test-helpers.js';
import { seedWorld } from './seed.js';
import { KeyValueStore, MemoryStore } from './store.js';
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
});
