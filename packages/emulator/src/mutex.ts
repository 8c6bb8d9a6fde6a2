/**
 * One request at a time per emulator instance: load → handle → save must not
 * interleave, or two calls would each change their own copy of the world.
 */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `fn` after every earlier call has finished (whether it failed or not). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
