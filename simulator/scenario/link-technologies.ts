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
      'C. Kästner, "Machine Learning in Production" (MIT Press, 2025), ch. 10 "Deploying a Model": 40-200 ms per round trip after Bluetooth documentation, taken here per message (which errs slow), and up to 3 Mbit/s, the Bluetooth 2.0 + EDR air rate (Bluetooth Core Specification 2.0 + EDR, Bluetooth SIG, 2004); energy after Friedman et al., "Power and throughput tradeoffs of 802.11 and Bluetooth in smartphones" (INFOCOM 2011)',
  },
  wifi: {
    latency_ms: { lognormal: { median: 4, p95: 20 } },
    mbps: 54,
    usd_per_gb: 0,
    energy_j_per_mb: 0.5,
    source:
      'Up to 54 Mbit/s, the IEEE 802.11g-2003 rate (the Wi-Fi figure of C. Kästner\'s lecture "Deploying a Model", CMU 17-645, 2022); latency and energy after Balasubramanian et al., "Energy consumption in mobile phones" (IMC 2009)',
  },
  lte: {
    latency_ms: { lognormal: { median: 50, p95: 120 } },
    mbps: 20,
    usd_per_gb: 10,
    energy_j_per_mb: 3,
    source:
      'Cellular data about 10 USD/GB: an estimate from C. Kästner\'s lecture "Deploying a Model" (CMU 17-645, 2022, speaker notes; plans differ by country and contract); latency and energy after Huang et al., "A close examination of performance and power characteristics of 4G LTE networks" (MobiSys 2012)',
  },
  '5g': {
    latency_ms: { lognormal: { median: 20, p95: 60 } },
    mbps: 100,
    usd_per_gb: 10,
    energy_j_per_mb: 1.5,
    source:
      'Narayanan et al., "A first look at commercial 5G performance on smartphones" (WWW 2020); price as LTE (an estimate of about 10 USD/GB, from C. Kästner\'s lecture "Deploying a Model", CMU 17-645, 2022)',
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
