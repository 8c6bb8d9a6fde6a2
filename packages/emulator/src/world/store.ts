/**
 * Where the world lives between requests. The emulator loads it, changes it
 * and saves it for every call, one call at a time.
 */
import { WORLD_VERSION, type World } from './types.js';

export interface WorldStore {
  load(): Promise<World | undefined>;
  save(world: World): Promise<void>;
  /**
   * Forget any world held in memory, because a call that changed the loaded
   * world failed before saving it. Stores that copy on load need not have it.
   */
  discard?(): void;
}

/** A world from an older emulator (or anything else) is ignored, so it gets reseeded. */
function current(value: unknown): World | undefined {
  return value && typeof value === 'object' && (value as World).version === WORLD_VERSION ? (value as World) : undefined;
}

/**
 * Keeps the world in memory. Copies on the way in and out, so a caller holding
 * a loaded world cannot change the stored one by accident.
 *
 * @example
 * ```ts
 * const app = createEmulator({ store: new MemoryStore() });
 * ```
 */
export class MemoryStore implements WorldStore {
  #world: World | undefined;
  async load(): Promise<World | undefined> {
    return this.#world && structuredClone(this.#world);
  }
  async save(world: World): Promise<void> {
    this.#world = structuredClone(world);
  }
}

export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/**
 * Over a Durable Object's storage (or anything with async get/put). The world
 * is one value under one key.
 *
 * @example
 * ```ts
 * // inside a Durable Object
 * const app = createEmulator({ store: new KeyValueStore(this.ctx.storage) });
 * ```
 */
export class KeyValueStore implements WorldStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key = 'cen-kit-emulator-world',
  ) {}
  async load(): Promise<World | undefined> {
    return current(await this.storage.get(this.key));
  }
  async save(world: World): Promise<void> {
    await this.storage.put(this.key, world);
  }
}

/**
 * Keeps the last loaded or saved world in memory in front of another store,
 * so that only the first call reads the (slow, copying) storage and reads
 * afterwards cost nothing; saves still go through, so the world survives a
 * restart. `load` hands out the one live world, which is safe only for a
 * single owner that runs one call at a time (the emulator's mutex; a Durable
 * Object is one instance per id) and calls `discard` when a call fails after
 * changing it.
 *
 * @example
 * ```ts
 * // inside a Durable Object
 * const app = createEmulator({ store: new CachedStore(new KeyValueStore(this.ctx.storage)) });
 * ```
 */
export class CachedStore implements WorldStore {
  #world: World | undefined;
  constructor(private readonly inner: WorldStore) {}
  async load(): Promise<World | undefined> {
    this.#world ??= await this.inner.load();
    return this.#world;
  }
  async save(world: World): Promise<void> {
    // Cached only once stored: a failed save leaves memory and storage alike.
    this.#world = undefined;
    await this.inner.save(world);
    this.#world = world;
  }
  discard(): void {
    this.#world = undefined;
  }
}

export { current as currentWorld };
