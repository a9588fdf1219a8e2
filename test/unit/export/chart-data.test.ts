import { describe, expect, it } from 'vitest';
import {
  batteryRows,
  budgetLimit,
  latencyBreakdownRows,
  latencyCdfSeries,
  linkUtilizationRows,
  monthlyCostRows,
  offlineSuccessRows,
} from '../../../simulator/export/chart-data';
import { defaultExportOption } from '../../../simulator/export/default-option';
import { fixtureScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';

describe('chart data', () => {
  it('turns each option’s quantiles into a CDF from 0 to 1', () => {
    const series = latencyCdfSeries(AR_RESULTS);
    expect(series.map((line) => line.option)).toEqual(['on-glasses', 'on-phone', 'cloud', 'hybrid', 'split']);
    const points = series[3].points;
    expect(points).toHaveLength(101);
    expect(points[0].share).toBe(0);
    expect(points[50]).toEqual({ latency_ms: AR_RESULTS.options[3].latency_quantiles_ms[50], share: 0.5 });
    expect(points[100].share).toBe(1);
  });

  it('gives the latency breakdown and the cost by kind per option', () => {
    expect(latencyBreakdownRows(AR_RESULTS)[3]).toEqual({ option: 'hybrid', ...AR_RESULTS.options[3].breakdown_ms });
    expect(monthlyCostRows(AR_RESULTS)[3]).toEqual({
      option: 'hybrid',
      total: 1600,
      compute: 260,
      network: 400,
      updates: 0,
      telemetry: 940,
    });
  });

  it('groups link utilisation and battery hours by link and component', () => {
    const links = linkUtilizationRows(AR_RESULTS);
    expect(links.series).toEqual(['glasses-phone', 'phone-cloud']);
    expect(links.rows[2]).toEqual({ option: 'cloud', 'glasses-phone': 2.4, 'phone-cloud': 0.36 });
    expect(batteryRows(AR_RESULTS).rows[0]).toEqual({ option: 'on-glasses', glasses: 0.75, phone: 50 });
  });

  it('leaves out batteries that never run down', () => {
    const endless = { ...AR_RESULTS, options: [{ ...AR_RESULTS.options[0], battery_hours: { glasses: Infinity } }] };
    expect(batteryRows(endless)).toEqual({ series: [], rows: [{ option: 'on-glasses' }] });
  });

  it('keeps "no request during an outage" apart from 0 % offline success', () => {
    const none = {
      ...AR_RESULTS,
      options: [{ ...AR_RESULTS.options[0], offline: { requests: 0, success_rate: null, fallback_rate: null } }],
    };
    expect(offlineSuccessRows(none)[0].success_rate).toBeNull();
  });

  it('finds a budget’s limit in the verdicts, per-component ones included', () => {
    expect(budgetLimit(AR_RESULTS, 'monthly_usd')).toBe(5000);
    expect(budgetLimit(AR_RESULTS, 'battery_hours')).toBe(4);
    expect(budgetLimit(AR_RESULTS, 'success_rate')).toBeUndefined();
  });
});

describe('defaultExportOption', () => {
  const scenario = fixtureScenario();

  it('is the recorded decision first', () => {
    expect(defaultExportOption({ ...scenario, decision: 'split' }, AR_RESULTS)).toBe('split');
  });

  it('is the recommendation without a decision', () => {
    expect(
      defaultExportOption({ ...scenario, decision: undefined }, { ...AR_RESULTS, recommendation: 'on-phone' }),
    ).toBe('on-phone');
  });

  it('is the first option when nothing is decided or recommended', () => {
    expect(defaultExportOption({ ...scenario, decision: undefined }, null)).toBe('on-glasses');
  });
});
