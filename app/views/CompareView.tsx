// The Compare view: the options against the budgets, then the charts, then what the scenario's
// uncertain values do to them (Monte Carlo bands and a tornado).

import { useDeferredValue, useMemo, useRef } from 'react';
import type { ScenarioResults } from '../../simulator/results';
import {
  BatteryChart,
  LatencyBreakdownChart,
  LatencyCdfChart,
  LinkUtilizationChart,
  MonthlyCostChart,
  OfflineSuccessChart,
} from '../charts';
import { recommendationSummary } from '../compare/recommendation-summary';
import { CompareTable, CompareWarnings } from '../components/CompareTable';
import { UncertaintyPanel } from '../components/UncertaintyPanel';
import { useElementWidth } from '../components/use-element-width';
import { usePlacewise } from '../context';
import { saturatedPlaces, withoutSaturatedLatency } from '../store/result-warnings';

const CHART_MIN_WIDTH = 460;
const CHART_HEIGHT = 260;
const CHARTS = [
  LatencyCdfChart,
  LatencyBreakdownChart,
  MonthlyCostChart,
  LinkUtilizationChart,
  BatteryChart,
  OfflineSuccessChart,
];

/** A chart as wide as its grid cell, redrawn when the window resizes. */
function ChartCell({ chart: Chart, results }: { chart: (typeof CHARTS)[number]; results: ScenarioResults }) {
  const cell = useRef<HTMLDivElement>(null);
  const width = useElementWidth(cell, CHART_MIN_WIDTH);
  return (
    <div className="chart-cell" ref={cell}>
      <Chart results={results} width={Math.max(CHART_MIN_WIDTH, width)} height={CHART_HEIGHT} />
    </div>
  );
}

/** The answer in one line: the recommendation and why, or that no option passes. */
function Summary() {
  const results = usePlacewise((state) => state.results);
  const summary = results ? recommendationSummary(results) : null;
  if (!summary) return null;
  return (
    <p className={`compare-summary ${summary.passing ? 'summary-pass' : 'summary-none'}`} data-testid="compare-summary">
      {summary.text}
    </p>
  );
}

export function CompareView() {
  // The table updates at once; the charts redraw in an interruptible render so that typing and
  // clicking never wait for them.
  const shown = useDeferredValue(usePlacewise((state) => state.results));
  const results = useMemo(() => (shown ? withoutSaturatedLatency(shown) : null), [shown]);
  const saturated =
    shown?.options.filter((option) => saturatedPlaces(option).length > 0).map((option) => option.id) ?? [];
  return (
    <div className="compare-view">
      <h2 className="view-heading">Options against the budgets</h2>
      <Summary />
      <div className="table-scroll" tabIndex={0} aria-label="Options against the budgets, scrolls sideways">
        <CompareTable />
      </div>
      <CompareWarnings />
      {saturated.length > 0 ? (
        <p className="hint">
          The latency charts leave out {saturated.join(', ')}: saturated, its latency only grows with the run.
        </p>
      ) : null}
      {results ? (
        <div className="chart-grid">
          {CHARTS.map((Chart) => (
            <ChartCell key={Chart.name} chart={Chart} results={results} />
          ))}
        </div>
      ) : null}
      <UncertaintyPanel />
    </div>
  );
}
