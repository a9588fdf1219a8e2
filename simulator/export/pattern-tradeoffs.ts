// What each placement pattern gives and costs beyond the simulated figures, for a decision
// record's consequences. After G. Hulten, "Building Intelligent Systems" (Apress, 2018), ch. 13
// "Where Intelligence Lives", as summarised in C. Kästner's lecture "Deploying a Model" (CMU 17-645).
import type { PATTERNS } from '../scenario/schema';

export interface PatternTradeoffs {
  good: string[];
  bad: string[];
}

export const PATTERN_TRADEOFFS: Readonly<Record<(typeof PATTERNS)[number], PatternTradeoffs>> = {
  static: {
    good: ['fast and works offline; cheap to operate'],
    bad: ['models update only with the product; no telemetry'],
  },
  'client-side': {
    good: ['fast and works offline; cheap to operate'],
    bad: ['model updates are slow and versions drift apart across devices'],
  },
  'server-centric': {
    good: ['models update easily and experiments are easy; full telemetry'],
    bad: ['every request pays a network round trip and per-use cost; fails offline'],
  },
  cached: {
    good: ['fast on cache hits and saves bandwidth; partly works offline'],
    bad: ['updates are complicated: cached results go stale with the model'],
  },
  hybrid: {
    good: ['degrades gracefully when a link is down'],
    bad: ['two placements to build, update and monitor; behaviour is mixed'],
  },
};
