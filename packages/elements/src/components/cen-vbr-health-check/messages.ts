/**
 * Messages of <cen-vbr-health-check> in English. The Simplified Chinese
 * texts are in messages.zh-cn.ts, typed by these (a missing key fails to
 * compile) and loaded only when a page shows Chinese.
 */
import { localized, type Locale } from '../../i18n/index.js';

const en = {
  label: (region: string) => `VBR health checks in ${region}`,
  chooseRegion: 'Set region (and cen-id) to see the VBR health checks of a region.',
  chooseCen: 'Set cen-id to enable or change health checks.',
  colVbr: 'VBR',
  colSource: 'Source IP',
  colTarget: 'Target IP',
  colInterval: 'Interval',
  colThreshold: 'Threshold',
  colMode: 'Mode',
  colDescription: 'Description',
  colActions: 'Actions',
  seconds: (n: string) => `${n} s`,
  packets: (n: string) => `${n} probes`,
  probeOnly: 'Probe only',
  switchOver: 'Switch routes',
  enable: 'Enable health check',
  modify: 'Change',
  modifyLabel: (vbr: string) => `Change the health check of ${vbr}`,
  disable: 'Disable',
  disableLabel: (vbr: string) => `Disable the health check of ${vbr}`,
  enableTitle: 'Enable a VBR health check',
  modifyTitle: (vbr: string) => `Change the health check of ${vbr}`,
  disableTitle: (vbr: string) => `Disable the health check of ${vbr}?`,
  disableBody: 'CEN stops probing the customer side of this VBR, and no longer switches routes over when the line fails.',
  fieldVbr: 'VBR',
  chooseVbr: 'Choose a VBR',
  noVbrs: 'No VBR is attached to this CEN in this region. Attach one first.',
  fieldSource: 'Source IP (optional)',
  sourceHelp: 'Leave empty to let Alibaba Cloud pick one from 100.96.0.0/16 (recommended), or an unused address in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
  fieldTarget: 'Target IP',
  targetHelp: 'The customer-side IP address of the VBR, such as 10.200.0.1.',
  fieldInterval: 'Probe interval',
  intervalHelp: 'Seconds between probes: 2 or 3.',
  fieldThreshold: 'Healthy threshold',
  thresholdHelp: 'Probes in a row that decide the state: 3 to 8.',
  fieldProbeOnly: 'Probe only (do not switch routes over)',
  fieldDescription: 'Description (optional)',
  submitEnable: 'Enable',
  submitModify: 'Save',
  enabled: (vbr: string) => `Health check enabled on ${vbr}.`,
  disabled: (vbr: string) => `Health check disabled on ${vbr}.`,
  emptyTitle: 'No VBR health checks in this region',
  emptyHint: 'A health check probes the customer side of a VBR and can switch routes over when the line fails.',
};

export type HealthCheckMessages = typeof en;

export function healthCheckMessages(locale: Locale): HealthCheckMessages {
  return localized(locale, (l) => l.healthCheck, en);
}
