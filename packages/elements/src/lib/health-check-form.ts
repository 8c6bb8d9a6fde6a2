/**
 * The fields of the VBR health-check form and their checks, with the
 * catalogue's rules (the same the Worker applies to EnableCenVbrHealthCheck).
 */
import {
  checkDescription,
  checkHealthCheckSourceIp,
  checkIpv4,
  checkRange,
  HEALTH_CHECK_INTERVAL_MAX,
  HEALTH_CHECK_INTERVAL_MIN,
  HEALTHY_THRESHOLD_MAX,
  HEALTHY_THRESHOLD_MIN,
} from '@cen-kit/catalog/rules';

export interface HealthCheckForm {
  VbrInstanceId: string;
  /** Empty: Alibaba picks one from 100.96.0.0/16 (what it recommends). */
  HealthCheckSourceIp: string;
  HealthCheckTargetIp: string;
  HealthCheckInterval: number;
  HealthyThreshold: number;
  HealthCheckOnly: boolean;
  Description: string;
}

export type HealthCheckField = keyof HealthCheckForm;

/** The form a new health check starts from: Alibaba's defaults (interval 2 s, threshold 8). */
export const defaultHealthCheckForm = (): HealthCheckForm => ({
  VbrInstanceId: '',
  HealthCheckSourceIp: '',
  HealthCheckTargetIp: '',
  HealthCheckInterval: 2,
  HealthyThreshold: 8,
  HealthCheckOnly: false,
  Description: '',
});

/** A problem with one field; `required` is worded by the element, the others carry the rule's message. */
export type FieldProblem = { code: 'required' } | { code: 'rule'; message: string };

/**
 * Checks every field; an empty result means the form may be sent.
 *
 * @example checkHealthCheckForm({ ...defaultHealthCheckForm(), VbrInstanceId: 'vbr-1', HealthCheckTargetIp: '10.0.0.300' })
 * // { HealthCheckTargetIp: { code: 'rule', message: 'must be an IPv4 address such as 192.168.0.1' } }
 */
export function checkHealthCheckForm(f: HealthCheckForm): Partial<Record<HealthCheckField, FieldProblem>> {
  const out: Partial<Record<HealthCheckField, FieldProblem>> = {};
  const rule = (field: HealthCheckField, message: string | undefined) => {
    if (message) out[field] = { code: 'rule', message };
  };
  if (!f.VbrInstanceId) out.VbrInstanceId = { code: 'required' };
  if (!f.HealthCheckTargetIp.trim()) out.HealthCheckTargetIp = { code: 'required' };
  else rule('HealthCheckTargetIp', checkIpv4(f.HealthCheckTargetIp.trim()));
  if (f.HealthCheckSourceIp.trim()) rule('HealthCheckSourceIp', checkHealthCheckSourceIp(f.HealthCheckSourceIp.trim()));
  rule('HealthCheckInterval', checkRange(f.HealthCheckInterval, HEALTH_CHECK_INTERVAL_MIN, HEALTH_CHECK_INTERVAL_MAX, ' s'));
  rule('HealthyThreshold', checkRange(f.HealthyThreshold, HEALTHY_THRESHOLD_MIN, HEALTHY_THRESHOLD_MAX));
  if (f.Description) rule('Description', checkDescription(f.Description));
  return out;
}

/** What EnableCenVbrHealthCheck is sent for a form. */
export interface EnableParams {
  CenId: string;
  VbrInstanceId: string;
  VbrInstanceRegionId: string;
  HealthCheckTargetIp: string;
  HealthCheckSourceIp?: string;
  HealthCheckInterval: number;
  HealthyThreshold: number;
  HealthCheckOnly: boolean;
  Description?: string;
}

/**
 * The EnableCenVbrHealthCheck parameters for a checked form: optional fields
 * left out when empty, so Alibaba's defaults apply.
 *
 * @example enableParams('cen-1', 'cn-hangzhou', form).HealthCheckTargetIp // '10.0.0.1'
 */
export function enableParams(CenId: string, VbrInstanceRegionId: string, f: HealthCheckForm): EnableParams {
  const source = f.HealthCheckSourceIp.trim();
  return {
    CenId,
    VbrInstanceId: f.VbrInstanceId,
    VbrInstanceRegionId,
    HealthCheckTargetIp: f.HealthCheckTargetIp.trim(),
    ...(source ? { HealthCheckSourceIp: source } : {}),
    HealthCheckInterval: f.HealthCheckInterval,
    HealthyThreshold: f.HealthyThreshold,
    HealthCheckOnly: f.HealthCheckOnly,
    ...(f.Description ? { Description: f.Description } : {}),
  };
}
