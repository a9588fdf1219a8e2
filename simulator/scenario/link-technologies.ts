// Defaults for each link technology, used where a scenario's link leaves a field out.
// Latencies are one-way per message. Energy is radio energy on a battery device per
// megabyte sent or received; the figures are order-of-magnitude estimates from the
// cited measurement studies and should be replaced by device measurements where it matters.
import type { DistributionSpec } from './distribution-spec';

export const LINK_TECHNOLOGIES = ['bluetooth', 'wifi', 'lte', '5g', 'ethernet', 'wan'] as const;
export type LinkTechnology = (typeof LINK_TECHNOLOGIES)[number];

export interface LinkDefaults {
  latency_ms: DistributionSpec;
  mbps: number;
  usd_per_gb: number;
  energy_j_per_mb: number;
  source: string;
}

export const LINK_DEFAULTS: Readonly<Record<LinkTechnology, LinkDefaults>> = {
  bluetooth: {
    latency_ms: { uniform: [40, 200] },
    mbps: 3,
    usd_per_gb: 0,
    energy_j_per_mb: 0.15,
    source:
      'DOMAIN.md: Bluetooth 40-200 ms, up to about 3 Mbit/s (BR/EDR); energy after Friedman et al., "Power and throughput tradeoffs of 802.11 and Bluetooth in smartphones" (INFOCOM 2011)',
  },
  wifi: {
    latency_ms: { lognormal: { median: 4, p95: 20 } },
    mbps: 54,
    usd_per_gb: 0,
    energy_j_per_mb: 0.5,
    source:
      'DOMAIN.md: Wi-Fi up to 54 Mbit/s (802.11g); latency and energy after Balasubramanian et al., "Energy consumption in mobile phones" (IMC 2009)',
  },
  lte: {
    latency_ms: { lognormal: { median: 50, p95: 120 } },
    mbps: 20,
    usd_per_gb: 10,
    energy_j_per_mb: 3,
    source:
      'DOMAIN.md: cellular data about 10 USD/GB; latency and energy after Huang et al., "A close examination of performance and power characteristics of 4G LTE networks" (MobiSys 2012)',
  },
  '5g': {
    latency_ms: { lognormal: { median: 20, p95: 60 } },
    mbps: 100,
    usd_per_gb: 10,
    energy_j_per_mb: 1.5,
    source:
      'Narayanan et al., "A first look at commercial 5G performance on smartphones" (WWW 2020); price as LTE (DOMAIN.md)',
  },
  ethernet: {
    latency_ms: 0.2,
    mbps: 1000,
    usd_per_gb: 0,
    energy_j_per_mb: 0,
    source: 'Gigabit Ethernet (IEEE 802.3ab) within a data centre or LAN; sub-millisecond round trips',
  },
  wan: {
    latency_ms: { lognormal: { median: 30, p95: 80 } },
    mbps: 100,
    usd_per_gb: 0.09,
    energy_j_per_mb: 0,
    source:
      'Internet egress 0.09 USD/GB (AWS data transfer out, first 10 TB, 2024); inter-region latency typical of public cloud measurements',
  },
};
