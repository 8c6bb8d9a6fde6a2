/**
 * The Simplified Chinese locale: every zh-CN text of the elements in one
 * module, which `localeReady('zh-CN')` imports the first time a page shows
 * Chinese. English pages never download it. Pure data: it must import nothing
 * at run time (types only), or loading it would pull in a second copy of code
 * the bundle already has.
 */
import { AREA_NAMES_ZH, REGION_NAMES_ZH } from '@cen-kit/catalog/regions-zh';
import { zhCN as base } from './zh-cn.js';
import { zhCN as planner } from '../components/cen-bandwidth-planner/messages.zh-cn.js';
import { zhCN as routeTable } from '../components/cen-route-table/messages.zh-cn.js';
import { zhCN as healthCheck } from '../components/cen-vbr-health-check/messages.zh-cn.js';

export const locale = { base, planner, routeTable, healthCheck, regions: REGION_NAMES_ZH, areas: AREA_NAMES_ZH };

export type LocaleTexts = typeof locale;
