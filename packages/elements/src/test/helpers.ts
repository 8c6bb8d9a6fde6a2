/**
 * Test helpers: the emulator's control endpoints (through the test server's
 * proxy to the real Worker), waiting for what a user would see, and axe.
 */
import 'axe-core/axe.min.js';
import { createCenClient, type CenClient } from '@cen-kit/client';

/**
 * IDs of the emulator's seeded world (packages/emulator/src/world/seed.ts,
 * `SEED`), written out because browser code never imports the emulator.
 * A change there fails these tests loudly.
 */
export const SEED = {
  accountA: '1688000000000001',
  accountB: '9188000000000002',
  cenId: 'cen-7qthudw0ll6jmcdemo1',
  vpcHangzhou: 'vpc-bp1a7g0sxgxq1lqedemo',
  vpcBeijing: 'vpc-2zeq0z5f4dqhkudemo4',
  vpcBeijing2: 'vpc-2zeh3kxw7m1yqudemo8',
  vbrHangzhou: 'vbr-bp1jcg5cmxjbl9xdemo',
  vpcB: 'vpc-bp15zckdt37pq72demob',
  vpcBGranted: 'vpc-uf68rbkx3rwzpqdemob2',
} as const;

async function control(route: string, body?: unknown): Promise<void> {
  const res = await fetch(`/emulator/_control/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`_control/${route} answered ${res.status}: ${await res.text()}`);
}

/** Reseeds the emulator's world (and clears faults). */
export const resetWorld = () => control('reset');

/** Sets emulator faults, e.g. `{ failNext: [{ Action: 'DescribeCens', Code: 'Forbidden.RAM', count: 1 }] }`. */
export const setFaults = (faults: unknown) => control('faults', faults);

/** A client for the Worker as a profile, for arranging the world as a user of the API would. */
export function clientAs(profile: 'A' | 'B'): CenClient {
  return createCenClient({ profile });
}

/** Resolves once `check` returns something truthy (polled every 25 ms), or fails after `ms` saying what it waited for. */
export async function until<T>(check: () => T | undefined | null | false, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves with the next `name` event on `target`. */
export function nextEvent<T = unknown>(target: EventTarget, name: string, ms = 8000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${name} event within ${ms} ms`)), ms);
    target.addEventListener(
      name,
      (e) => {
        clearTimeout(t);
        resolve(e as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** The element's shadow root, for queries. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** The first match in the element's shadow root, or a clear failure. */
export function $(el: Element, selector: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${el.localName}: nothing matches ${selector}`);
  return found;
}

export function $$(el: Element, selector: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(selector)];
}

/** The visible text of a node, whitespace collapsed. */
export function text(node: Element | ShadowRoot): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    axe: { run(context: Element, options?: unknown): Promise<AxeResult> };
  }
}

/** Runs axe-core on the element (including its shadow DOM) and fails listing every violation. */
export async function expectAccessible(el: Element, label = el.localName): Promise<void> {
  const r = await window.axe.run(el, { resultTypes: ['violations'] });
  if (r.violations.length) {
    const lines = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')}`);
    throw new Error(`axe found ${r.violations.length} violation(s) in ${label}:\n${lines.join('\n')}`);
  }
}
