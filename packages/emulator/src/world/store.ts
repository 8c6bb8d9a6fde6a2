/**
 * Where the world lives between requests. The emulator loads it, changes it
 * and saves it for every call, one call at a time.
 */
import { WORLD_VERSION, type World } from './types.js';

export interface WorldStore {
  load(): Promise<World | undefined>;
  save(world: World): Promise<void>;
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

export { current as currentWorld };
