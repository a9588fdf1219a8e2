// A link's figures as its label reads them, from whatever the draft holds while the user edits:
// a number or distribution, an uncertain value (read at its nominal value, marked "about"), or
// something not valid yet.
import { describeDistribution } from '../../../simulator/export/distribution-summary';
import { formatMbps } from '../../../simulator/export/figures';
import { distributionSchema } from '../../../simulator/scenario/schema';
import { nominal } from './nominal-value';

export function latencyText(spec: unknown): string {
  const { value, uncertain } = nominal(spec);
  const parsed = distributionSchema.safeParse(value);
  if (!parsed.success) return 'latency not valid';
  return `${uncertain ? 'about ' : ''}${describeDistribution(parsed.data, 'ms')}`;
}

export function bandwidthText(mbps: unknown): string {
  const { value, uncertain } = nominal(mbps);
  if (typeof value !== 'number' || !(value > 0)) return 'bandwidth not valid';
  return `${uncertain ? 'about ' : ''}${formatMbps(value)}`;
}
