/**
 * The demo portal's glue, built into dist/site/portal.js. It talks to the
 * elements only through their attributes and events (they come from
 * /elements.js), and to the Worker only through @cen-kit/client:
 *
 * - theme and language switches (set `theme`/`lang` on every element and the
 *   page's color-scheme and lang);
 * - region pickers for the route table and health check, filled from the
 *   regions of the chosen CEN's networks (the elements follow the CenId by
 *   themselves through `follow="#list"`);
 * - the "Grant as account B" panel for the cross-account scenario, which
 *   calls GrantInstanceToCen with profile B.
 */
import { CenApiError, createCenClient, type ApiIndex } from '@cen-kit/client';
import { CHROME, type Lang, type PortalText } from './portal-text.js';

type Theme = 'light' | 'dark';

const TAGS = ['cen-list', 'cen-attach-form', 'cen-bandwidth-planner', 'cen-route-table', 'cen-vbr-health-check'] as const;
/** The emulator's documented test accounts (packages/emulator TEST_ACCOUNTS): shown, never secret. */
const EMULATOR_ACCOUNTS = { A: '1688000000000001', B: '9188000000000002' } as const;
const CEN_ID = /^cen-[a-z0-9]{1,64}$/;
const ACCOUNT_ID = /^[1-9]\d{0,19}$/;

const asA = createCenClient();
const asB = createCenClient({ profile: 'B' });

const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const elements = () => document.querySelectorAll<HTMLElement>(TAGS.join(','));

let lang: Lang = 'en';
let theme: Theme = 'light';
let selectedCen: string | undefined;
let index: ApiIndex | undefined;

// ---------------------------------------------------------------- theme and language

function initialChoice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const fromUrl = new URLSearchParams(location.search).get(name);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(`cen-kit-portal:${name}`);
  } catch {
    // Storage may be off (private mode, sandboxed frame): the default will do.
  }
  for (const v of [fromUrl, stored]) if (v && (allowed as readonly string[]).includes(v)) return v as T;
  return fallback;
}

function remember(name: string, value: string) {
  try {
    localStorage.setItem(`cen-kit-portal:${name}`, value);
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}

function t(): PortalText {
  return CHROME[lang];
}

function setTheme(next: Theme, save = true) {
  theme = next;
  const root = document.documentElement;
  root.dataset.theme = next;
  root.style.colorScheme = next;
  for (const el of elements()) el.setAttribute('theme', next);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) b.setAttribute('aria-pressed', String(b.dataset.themeChoice === next));
  if (save) remember('theme', next);
}

function setLang(next: Lang, save = true) {
  lang = next;
  document.documentElement.lang = next;
  for (const el of elements()) el.setAttribute('lang', next);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang-choice]')) b.setAttribute('aria-pressed', String(b.dataset.langChoice === next));
  const text = t();
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof PortalText;
    const value = text[key];
    if (typeof value === 'string') node.textContent = value;
  }
  document.title = text.pageTitle;
  renderProfileNote();
  markMissing();
  if (save) remember('lang', next);
  // Region names come localised from the API.
  void fillGrantRegions();
}

// ---------------------------------------------------------------- profile note

function renderProfileNote() {
  const note = $('#profile-note');
  if (!note || !index) return;
  const text = t();
  note.textContent = '';
  if (index.backend === 'emulator') {
    note.append(text.noteEmulator(EMULATOR_ACCOUNTS.A, EMULATOR_ACCOUNTS.B));
  } else {
    note.append(text.noteAlibaba(index.caller.defaultProfile ?? 'default', index.caller.profiles.length));
  }
  if (index.readOnly) note.append(' ', text.readOnly);
}

/**
 * An element that is not defined (an older bundle without it, or no bundle)
 * says so instead of staying an empty box. /elements.js is an earlier module
 * script, so by the time this runs it has defined all it will.
 */
function markMissing() {
  for (const tag of TAGS) {
    for (const el of document.querySelectorAll(tag)) {
      if (customElements.get(tag)) continue;
      el.textContent = '';
      const p = document.createElement('p');
      p.className = 'missing';
      p.textContent = t().missing(tag);
      el.append(p);
    }
  }
}

// ---------------------------------------------------------------- regions to follow

/** Fills a picker with regions, keeping the current choice when it is still there. Returns the choice. */
function fillRegions(select: HTMLSelectElement, regions: string[]): string | undefined {
  if (!regions.length) return select.value || undefined;
  const keep = regions.includes(select.value) ? select.value : regions[0]!;
  select.replaceChildren(...regions.map((r) => new Option(r, r, false, r === keep)));
  select.value = keep;
  return keep;
}

let regionsCall = 0;
async function followRegions(CenId: string) {
  const mine = ++regionsCall;
  try {
    const { items } = await asA.allPages('DescribeCenAttachedChildInstances', { CenId }, { pageSize: 50 });
    if (mine !== regionsCall) return;
    const all = [...new Set(items.map((c) => String(c.ChildInstanceRegionId)))].sort();
    const vbr = [...new Set(items.filter((c) => c.ChildInstanceType === 'VBR').map((c) => String(c.ChildInstanceRegionId)))].sort();
    const route = fillRegions($<HTMLSelectElement>('#route-region')!, all);
    const health = fillRegions($<HTMLSelectElement>('#health-region')!, vbr.length ? vbr : all);
    if (route) $('#routes')?.setAttribute('region', route);
    if (health) $('#health')?.setAttribute('region', health);
  } catch (e) {
    // The pickers keep their regions; the elements show their own errors.
    console.warn('cen-kit portal: could not list the regions of', CenId, e);
  }
}

// ---------------------------------------------------------------- grant as account B

const grant = {
  form: () => $<HTMLFormElement>('#grant-form')!,
  region: () => $<HTMLSelectElement>('#grant-region')!,
  network: () => $<HTMLSelectElement>('#grant-network')!,
  cen: () => $<HTMLInputElement>('#grant-cen')!,
  owner: () => $<HTMLInputElement>('#grant-owner')!,
  status: () => $('#grant-status')!,
  rules: () => $('#grant-rules')!,
  submit: () => $<HTMLButtonElement>('#grant-submit')!,
};

function say(kind: 'ok' | 'error' | 'info', text: string) {
  const s = grant.status();
  s.dataset.kind = kind;
  s.textContent = text;
}

function describeError(e: unknown): string {
  if (e instanceof CenApiError) {
    const issues = e.Issues?.map((i) => i.message).join('; ');
    return `${e.Code}: ${issues || e.message}${e.RequestId ? ` (${t().requestId} ${e.RequestId})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

let grantRegionsFor: Lang | undefined;
async function fillGrantRegions() {
  if (!index || !index.caller.profiles.includes('B') || grantRegionsFor === lang) return;
  grantRegionsFor = lang;
  const select = grant.region();
  const current = select.value || 'cn-hangzhou';
  try {
    const r = await asB.DescribeChildInstanceRegions({ ProductType: 'VPC', AcceptLanguage: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
    const regions = r.Regions?.Region ?? [];
    select.replaceChildren(...regions.map((x) => new Option(x.LocalName ? `${x.LocalName} (${x.RegionId})` : x.RegionId, x.RegionId, false, x.RegionId === current)));
    select.value = regions.some((x) => x.RegionId === current) ? current : (regions[0]?.RegionId ?? '');
  } catch (e) {
    grantRegionsFor = undefined;
    select.replaceChildren(new Option(current, current, true, true));
    say('error', describeError(e));
  }
  await fillGrantNetworks();
}

let networksCall = 0;
async function fillGrantNetworks() {
  const mine = ++networksCall;
  const select = grant.network();
  const RegionId = grant.region().value;
  if (!RegionId) return;
  const keep = select.value;
  select.replaceChildren(new Option(t().loadingNetworks, '', true, true));
  select.disabled = true;
  try {
    const { items } = await asB.allPages('DescribeVpcs', { RegionId }, { pageSize: 50 });
    if (mine !== networksCall) return;
    if (!items.length) {
      select.replaceChildren(new Option(t().noNetworks, '', true, true));
    } else {
      select.replaceChildren(...items.map((v) => new Option(v.VpcName ? `${v.VpcName} (${v.VpcId})` : v.VpcId, v.VpcId, false, v.VpcId === keep)));
      if (items.some((v) => v.VpcId === keep)) select.value = keep;
      select.disabled = false;
    }
  } catch (e) {
    if (mine !== networksCall) return;
    select.replaceChildren(new Option('—', '', true, true));
    say('error', describeError(e));
  }
  await showGrantRules();
}

let rulesCall = 0;
async function showGrantRules() {
  const mine = ++rulesCall;
  const list = grant.rules();
  const InstanceId = grant.network().value;
  const RegionId = grant.region().value;
  if (!InstanceId || !RegionId) {
    list.replaceChildren();
    return;
  }
  try {
    const { items } = await asB.allPages('DescribeGrantRulesToCen', { RegionId, InstanceId, InstanceType: 'VPC' }, { pageSize: 50 });
    if (mine !== rulesCall) return;
    if (!items.length) {
      const li = document.createElement('li');
      li.textContent = t().noGrants;
      list.replaceChildren(li);
      return;
    }
    list.replaceChildren(
      ...items.map((r) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = r.CenInstanceId;
        li.append(code, ` ${t().ownedBy} ${String(r.CenOwnerId)}`);
        li.dataset.cenId = r.CenInstanceId;
        return li;
      }),
    );
  } catch (e) {
    if (mine !== rulesCall) return;
    list.replaceChildren();
    say('error', describeError(e));
  }
}

/** Checks the form; marks and names the first bad field. */
function checkGrant(): { RegionId: string; InstanceId: string; CenId: string; CenOwnerId: string } | undefined {
  const text = t();
  const fields: [HTMLInputElement | HTMLSelectElement, boolean, string][] = [
    [grant.network(), !!grant.network().value, text.pickNetwork],
    [grant.cen(), CEN_ID.test(grant.cen().value.trim()), text.badCen],
    [grant.owner(), ACCOUNT_ID.test(grant.owner().value.trim()), text.badOwner],
  ];
  for (const [el] of fields) el.removeAttribute('aria-invalid');
  const bad = fields.find(([, ok]) => !ok);
  if (bad) {
    bad[0].setAttribute('aria-invalid', 'true');
    bad[0].focus();
    say('error', bad[2]);
    return undefined;
  }
  return { RegionId: grant.region().value, InstanceId: grant.network().value, CenId: grant.cen().value.trim(), CenOwnerId: grant.owner().value.trim() };
}

async function submitGrant(ev: SubmitEvent) {
  ev.preventDefault();
  const params = checkGrant();
  if (!params) return;
  const button = grant.submit();
  button.disabled = true;
  say('info', t().granting);
  try {
    // A string of digits: account IDs may exceed 2^53 and must stay exact.
    await asB.GrantInstanceToCen({ ...params, InstanceType: 'VPC' }, { idempotencyKey: crypto.randomUUID() });
    say('ok', t().granted(params.InstanceId, params.CenId));
    await showGrantRules();
  } catch (e) {
    say('error', describeError(e));
  } finally {
    button.disabled = false;
  }
}

async function setUpGrantPanel() {
  if (!index || !index.caller.profiles.includes('B')) return; // one profile: nobody to act as
  const panel = $('#panel-grant');
  if (!panel) return;
  panel.hidden = false;
  if (index.backend === 'emulator' && !grant.owner().value) grant.owner().value = EMULATOR_ACCOUNTS.A;
  if (selectedCen && !grant.cen().value) grant.cen().value = selectedCen;
  grant.form().addEventListener('submit', (e) => void submitGrant(e));
  grant.region().addEventListener('change', () => void fillGrantNetworks());
  grant.network().addEventListener('change', () => void showGrantRules());
  await fillGrantRegions();
}

// ---------------------------------------------------------------- start

function start() {
  const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
  setTheme(initialChoice<Theme>('theme', ['light', 'dark'], prefersDark ? 'dark' : 'light'), false);
  setLang(initialChoice<Lang>('lang', ['en', 'zh-CN'], 'en'), false);

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) b.addEventListener('click', () => setTheme(b.dataset.themeChoice as Theme));
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang-choice]')) b.addEventListener('click', () => setLang(b.dataset.langChoice as Lang));

  // The list announces the chosen CEN; the elements follow it themselves, the page follows its regions.
  document.addEventListener('cen-select', (e) => {
    if (!(e.target instanceof Element) || e.target.id !== 'list') return;
    selectedCen = (e as CustomEvent<{ CenId: string }>).detail.CenId;
    grant.cen().value = selectedCen;
    void followRegions(selectedCen);
  });
  // A network came or went: its region may be new to the pickers, and the
  // planner, routes and health checks of that CEN have something new to show.
  for (const name of ['cen-attached', 'cen-detached']) {
    document.addEventListener(name, () => {
      if (selectedCen) void followRegions(selectedCen);
      for (const id of ['#planner', '#routes', '#health']) ($(id) as (HTMLElement & { reload?: () => void }) | null)?.reload?.();
    });
  }
  $('#route-region')?.addEventListener('change', (e) => $('#routes')?.setAttribute('region', (e.target as HTMLSelectElement).value));
  $('#health-region')?.addEventListener('change', (e) => $('#health')?.setAttribute('region', (e.target as HTMLSelectElement).value));

  asA.index().then(
    (ix) => {
      index = ix;
      renderProfileNote();
      void setUpGrantPanel();
    },
    (e) => {
      const note = $('#profile-note');
      if (note) note.textContent = `${t().noApi} ${describeError(e)}`;
    },
  );
}

start();
