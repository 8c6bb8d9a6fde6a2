/**
 * The portal's own words (its chrome, not the elements', which carry their
 * own catalogue). Keys match the `data-i18n` attributes in index.html; the
 * zh-CN object must have every key (its type is `PortalText`).
 */
export type Lang = 'en' | 'zh-CN';

const en = {
  pageTitle: 'CEN operations · cen-kit',
  skip: 'Skip to the dashboard',
  title: 'CEN operations',
  profileNote: 'You are working as account A, the owner of the CEN instances below.',
  theme: 'Theme',
  light: 'Light',
  dark: 'Dark',
  language: 'Language',
  docsLink: 'What is CEN?',
  hList: 'CEN instances',
  hintList: 'Choose an instance: every panel on this page follows it.',
  hAttach: 'Networks',
  hintAttach: "Attach VPCs and VBRs of this account, or another account's network once it has been granted.",
  hGrant: 'Grant as account B',
  hintGrant:
    "In the cross-account case the network's owner, account B, lets your CEN instance attach its network (GrantInstanceToCen). This panel acts as account B.",
  region: 'Region',
  bNetwork: "Account B's VPC",
  bNetworkHelp: 'Networks owned by account B in this region.',
  cenId: 'CEN instance ID',
  cenIdHelp: 'Follows the instance chosen in the list.',
  cenOwner: 'Account ID of the CEN owner (account A)',
  grant: 'Grant',
  grantsOf: 'Grants of this network',
  hPlanner: 'Inter-region bandwidth',
  hintPlanner:
    'Traffic between regions needs a bandwidth package for the pair of areas, associated with the instance, and a limit for each pair of regions.',
  hRoutes: 'Routes',
  routeRegion: 'Routes in region',
  hHealth: 'VBR health checks',
  healthRegion: 'VBRs in region',
  footer: 'Served by the cen-kit Worker: the elements load from /elements.js and call /api on this origin.',
  readOnly: 'This deployment is read-only: changes are refused.',
  requestId: 'Request ID',
  loadingNetworks: 'Loading…',
  noNetworks: 'Account B has no VPC in this region.',
  noGrants: 'Not granted to any CEN instance.',
  ownedBy: 'owned by account',
  pickNetwork: "Choose one of account B's networks.",
  badCen: 'CEN instance ID must look like cen-7qthudw0ll6jm….',
  badOwner: "Account ID of the CEN owner must be digits, such as 1688000000000001.",
  granting: 'Granting…',
  noApi: 'The API did not answer:',
  granted: (network: string, cen: string) => `Granted: ${cen} may now attach ${network}. Attach it under Networks, as account A (choose "Another account").`,
  noteEmulator: (a: string, b: string) =>
    `You are working as account A (${a}) on the built-in emulator. Account B (${b}) owns partner networks; the "Grant as account B" panel acts for it. Both are emulator test accounts.`,
  noteAlibaba: (profile: string, count: number) =>
    `You are working with the Alibaba Cloud credentials of profile "${profile}"${count > 1 ? ` (one of ${count} profiles)` : ''}.`,
  missing: (tag: string) => `<${tag}> is not in this build of the elements.`,
};

export type PortalText = typeof en;

const zhCN: PortalText = {
  pageTitle: 'CEN 运维 · cen-kit',
  skip: '跳到仪表板',
  title: 'CEN 运维',
  profileNote: '您正以账号 A（下列云企业网实例的所有者）的身份操作。',
  theme: '主题',
  light: '浅色',
  dark: '深色',
  language: '语言',
  docsLink: '什么是云企业网？',
  hList: '云企业网实例',
  hintList: '选择一个实例：本页的所有面板都会跟随它。',
  hAttach: '网络',
  hintAttach: '加载本账号的 VPC 和 VBR，或在获得授权后加载其他账号的网络。',
  hGrant: '以账号 B 授权',
  hintGrant: '跨账号时，网络的所有者账号 B 需要先授权您的云企业网实例加载其网络（GrantInstanceToCen）。此面板以账号 B 的身份操作。',
  region: '地域',
  bNetwork: '账号 B 的 VPC',
  bNetworkHelp: '账号 B 在此地域拥有的网络。',
  cenId: '云企业网实例 ID',
  cenIdHelp: '跟随列表中选择的实例。',
  cenOwner: '云企业网所有者（账号 A）的账号 ID',
  grant: '授权',
  grantsOf: '此网络的授权',
  hPlanner: '跨地域带宽',
  hintPlanner: '地域之间的流量需要一个覆盖这两个区域的带宽包，绑定到实例，并为每对地域设置带宽上限。',
  hRoutes: '路由',
  routeRegion: '地域的路由',
  hHealth: 'VBR 健康检查',
  healthRegion: '地域的 VBR',
  footer: '由 cen-kit Worker 提供：组件从 /elements.js 加载，并调用本站的 /api。',
  readOnly: '此部署为只读：更改会被拒绝。',
  requestId: '请求 ID',
  loadingNetworks: '加载中…',
  noNetworks: '账号 B 在此地域没有 VPC。',
  noGrants: '尚未授权给任何云企业网实例。',
  ownedBy: '所有者账号',
  pickNetwork: '请选择账号 B 的一个网络。',
  badCen: '云企业网实例 ID 的格式应类似 cen-7qthudw0ll6jm…。',
  badOwner: '云企业网所有者的账号 ID 必须是数字，例如 1688000000000001。',
  granting: '正在授权…',
  noApi: 'API 没有响应：',
  granted: (network: string, cen: string) => `已授权：${cen} 现在可以加载 ${network}。请在“网络”中以账号 A 的身份加载它（选择“其他账号”）。`,
  noteEmulator: (a: string, b: string) =>
    `您正在内置模拟器上以账号 A（${a}）的身份操作。账号 B（${b}）拥有合作方网络，“以账号 B 授权”面板代表它操作。两者都是模拟器的测试账号。`,
  noteAlibaba: (profile: string, count: number) => `您正在使用配置“${profile}”的阿里云凭证${count > 1 ? `（共 ${count} 个配置）` : ''}。`,
  missing: (tag: string) => `此版本的组件中没有 <${tag}>。`,
};

/** The chrome in each language. */
export const CHROME: Record<Lang, PortalText> = { en, 'zh-CN': zhCN };
