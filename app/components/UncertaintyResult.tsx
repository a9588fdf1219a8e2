// A finished Monte Carlo study: the spread table, median bars with p5–p95 error bars for p95
// latency and monthly cost, and the tornado of one option.
import { type ReactNode, useRef, useState } from 'react';
import { PASS_RANGE_NOTE, someShareHasRange } from '../../simulator/export/pass-share';
import type { Scenario } from '../../simulator/scenario/schema';
import type { MonteCarloReport } from '../../simulator/uncertainty/index';
import { SpreadBarsChart } from '../charts/spread-bars-chart';
import { TornadoChart } from '../charts/tornado-chart';
import { parsePath, pathLabel } from '../editing/field-labels';
import { bandRows, COST_METRIC, LATENCY_METRIC, tornadoOf } from '../uncertainty/uncertainty-rows';
import { formatFigure } from './format';
import { IdSelect } from './IdSelect';
import { UncertaintyTable } from './UncertaintyTable';
import { useDiagramOption } from './use-diagram-option';
import { useElementWidth } from './use-element-width';

const CHART_MIN_WIDTH = 460;
const CHART_HEIGHT = 260;
const ms = (value: number) => `${formatFigure(value)} ms`;
const usd = (value: number) => `$${formatFigure(value)}`;

/** A chart as wide as its grid cell. */
function Cell({ children }: { children: (width: number) => ReactNode }) {
  const cell = useRef<HTMLDivElement>(null);
  const width = useElementWidth(cell, CHART_MIN_WIDTH);
  return (
    <div className="chart-cell" ref={cell}>
      {children(Math.max(CHART_MIN_WIDTH, width))}
    </div>
  );
}

export function UncertaintyResult({ report, scenario }: { report: MonteCarloReport; scenario: Scenario }) {
  const shown = useDiagramOption();
  const ids = report.monte_carlo.options.map((option) => option.id);
  const [picked, setPicked] = useState<string | null>(null);
  // The user's pick, else the option the diagram shows, so the tornado follows the rest of the app.
  const option = [picked, shown, ids[0]].find((id): id is string => typeof id === 'string' && ids.includes(id)) ?? '';
  const latencyBudget = scenario.budgets.latency_ms?.p95;
  const costBudget = scenario.budgets.monthly_usd;
  const { samples, seed, parameters } = report.monte_carlo;
  const label = (parameter: string) => pathLabel(parsePath(parameter), scenario);
  return (
    <>
      <p className="uncertainty-note">
        {samples} samples (seed {seed}) of {parameters.length} uncertain value{parameters.length === 1 ? '' : 's'}:{' '}
        {parameters.map((parameter) => label(parameter.parameter)).join(', ')}.
      </p>
      <div className="table-scroll">
        <UncertaintyTable report={report} />
      </div>
      {someShareHasRange(report.monte_carlo.options) && (
        <p className="uncertainty-note" data-testid="uncertainty-range-note">
          {PASS_RANGE_NOTE}
        </p>
      )}
      <div className="chart-grid">
        <Cell>
          {(width) => (
            <SpreadBarsChart
              title="p95 latency: median and p5–p95 over the samples"
              testId="uncertainty-latency-chart"
              rows={bandRows(report, LATENCY_METRIC)}
              width={width}
              height={CHART_HEIGHT}
              formatValue={ms}
              budget={
                latencyBudget === undefined ? undefined : { value: latencyBudget, label: `budget ${ms(latencyBudget)}` }
              }
            />
          )}
        </Cell>
        <Cell>
          {(width) => (
            <SpreadBarsChart
              title="Monthly cost: median and p5–p95 over the samples"
              testId="uncertainty-cost-chart"
              rows={bandRows(report, COST_METRIC)}
              width={width}
              height={CHART_HEIGHT}
              formatValue={usd}
              budget={costBudget === undefined ? undefined : { value: costBudget, label: `budget ${usd(costBudget)}` }}
            />
          )}
        </Cell>
      </div>
      <section className="tornado" data-testid="tornado-chart">
        <label>
          Sensitivity of option{' '}
          <IdSelect testId="tornado-option" value={option} ids={ids.map((id) => ({ id }))} onChange={setPicked} />: each
          uncertain value at its p5 and p95, the others nominal (dashed line)
        </label>
        <div className="chart-grid">
          <Cell>
            {(width) => (
              <TornadoChart
                title="What moves p95 latency"
                tornado={tornadoOf(report, option, LATENCY_METRIC, label)}
                width={width}
                formatValue={ms}
                formatParameter={formatFigure}
              />
            )}
          </Cell>
          <Cell>
            {(width) => (
              <TornadoChart
                title="What moves monthly cost"
                tornado={tornadoOf(report, option, COST_METRIC, label)}
                width={width}
                formatValue={usd}
                formatParameter={formatFigure}
              />
            )}
          </Cell>
        </div>
      </section>
    </>
  );
}
