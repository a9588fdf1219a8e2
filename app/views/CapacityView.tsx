// The Capacity view: a load sweep on one shared component, the fewest replicas that meet the
// latency budget at each load, what they cost, and where serverless stops being cheaper.
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CapacitySweep } from '../../simulator/capacity/index';
import { replicaAdvice } from '../capacity/replica-advice';
import { setField } from '../editing/edits';
import { defaultScope } from '../../simulator/scenario/references';
import { formatFigure } from '../components/format';
import { IdSelect } from '../components/IdSelect';
import { useDiagramOption } from '../components/use-diagram-option';
import { usePlacewise, useSession } from '../context';

const CHART = { width: 560, height: 260, margin: { top: 8, right: 24, bottom: 8, left: 8 } };

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

function SweepCharts({ sweep }: { sweep: CapacitySweep }) {
  const rows = sweep.points.map((point) => ({
    rps: Math.round(point.rps),
    replicas: point.replicas,
    'always-on': point.monthly_usd,
    serverless: point.serverless_monthly_usd,
  }));
  return (
    <div className="chart-grid">
      <figure className="chart-cell">
        <figcaption>Replicas of {sweep.component} that meet the latency budget</figcaption>
        <LineChart {...CHART} data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="rps" unit=" rps" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Line type="stepAfter" dataKey="replicas" stroke="#3b5bdb" isAnimationActive={false} />
        </LineChart>
      </figure>
      <figure className="chart-cell">
        <figcaption>Monthly cost (USD): always-on replicas against serverless</figcaption>
        <LineChart {...CHART} data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="rps" unit=" rps" />
          <YAxis />
          <Tooltip />
          <Legend />
          <Line dataKey="always-on" stroke="#3b5bdb" isAnimationActive={false} />
          <Line dataKey="serverless" stroke="#e69f00" isAnimationActive={false} />
        </LineChart>
      </figure>
    </div>
  );
}

function SweepTable({ sweep }: { sweep: CapacitySweep }) {
  return (
    <table className="compare-table" data-testid="capacity-table">
      <thead>
        <tr>
          <th>Users</th>
          <th>Load at {sweep.component}</th>
          <th>Replicas</th>
          <th>p95</th>
          <th>Monthly cost</th>
          <th>Serverless</th>
        </tr>
      </thead>
      <tbody>
        {sweep.points.map((point) => (
          <tr key={point.rps} className={point.rps === sweep.current.rps ? 'shown' : ''}>
            <td>{point.users.toLocaleString('en-US')}</td>
            <td>{formatFigure(point.rps)} rps</td>
            <td className={point.meets_budget ? 'pass' : 'fail'}>{point.replicas ?? 'none suffice'}</td>
            <td>{formatFigure(point.p95_ms)} ms</td>
            <td>{point.monthly_usd === null ? '—' : `$${formatFigure(point.monthly_usd)}`}</td>
            <td>${formatFigure(point.serverless_monthly_usd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Apply 3 replicas": sets the sized component to what today's load needs, as one undoable edit. */
function ApplyReplicas({ sweep }: { sweep: CapacitySweep }) {
  const draft = usePlacewise((state) => state.draft);
  const edit = usePlacewise((state) => state.edit);
  const advice = replicaAdvice(sweep, draft);
  if (!advice) return null;
  return (
    <p className="capacity-advice" data-testid="capacity-advice">
      <button
        data-testid="capacity-apply"
        onClick={() => edit((current) => setField(current, ['components', advice.index, 'replicas'], advice.replicas))}
      >
        {advice.label}
      </button>{' '}
      {advice.reason}
    </p>
  );
}

export function CapacityView() {
  const session = useSession();
  const scenario = usePlacewise((state) => state.scenario);
  const run = usePlacewise((state) => state.capacityRun);
  const stale = usePlacewise(
    (state) => state.capacityScenario !== null && state.capacityScenario !== state.lastValidScenario,
  );
  const shown = useDiagramOption();
  const [option, setOption] = useState<string | null>(null);
  const [component, setComponent] = useState('');
  const shared = (scenario?.components ?? []).filter((entry) => (entry.scope ?? defaultScope(entry.kind)) === 'shared');
  const chosenOption = option ?? shown ?? '';

  return (
    <div className="benchmark-view capacity-view">
      <section className="bench-form">
        <h2>Capacity: replicas and cost per load</h2>
        <label>
          Option
          <IdSelect testId="capacity-option" value={chosenOption} ids={scenario?.options ?? []} onChange={setOption} />
        </label>
        <label>
          Component to size
          <IdSelect
            testId="capacity-component"
            value={component}
            ids={shared}
            onChange={setComponent}
            emptyLabel="the busiest shared component"
          />
        </label>
        <div className="bench-buttons">
          <button
            data-testid="capacity-run"
            disabled={!scenario || run?.state === 'running'}
            onClick={() =>
              session.capacity.run({ option: chosenOption || undefined, component: component || undefined })
            }
          >
            Run load sweep
          </button>
          {run?.state === 'running' ? (
            <>
              <span className="bench-progress" data-testid="capacity-progress" role="status">
                <progress max={run.total} value={run.done} aria-hidden="true" />{' '}
                {run.done === 0 ? "sizing today's load…" : `${run.done} of ${run.total} loads sized`}
              </span>
              <button data-testid="capacity-cancel" onClick={() => session.capacity.cancel()}>
                Cancel
              </button>
            </>
          ) : null}
          {!scenario ? <span className="field-error">Fix the scenario's errors to size it.</span> : null}
        </div>
      </section>
      {run?.state === 'failed' ? (
        <p className="banner banner-error" role="alert" data-testid="capacity-error">
          {run.message}
        </p>
      ) : null}
      {run?.state === 'done' ? (
        <section className="bench-result" data-testid="capacity-result">
          {stale ? (
            <p className="banner banner-warning">The scenario changed since this sweep; run it again to update.</p>
          ) : null}
          <p>
            Sizing <strong>{run.sweep.component}</strong> under option <strong>{run.sweep.option}</strong> against{' '}
            {Object.entries(run.sweep.budget.latency_ms)
              .map(([statistic, limit]) => `${statistic} ≤ ${limit} ms`)
              .join(', ')}
            ; today {run.sweep.current.users.toLocaleString('en-US')} users put {formatFigure(run.sweep.current.rps)}{' '}
            rps on it with {run.sweep.current.replicas} replicas. {sentence(run.sweep.serverless.note)}
          </p>
          {stale ? null : <ApplyReplicas sweep={run.sweep} />}
          {run.sweep.impossible ? (
            <p className="field-error">No load of the sweep meets the budget with any number of replicas.</p>
          ) : null}
          <SweepCharts sweep={run.sweep} />
          <SweepTable sweep={run.sweep} />
        </section>
      ) : null}
    </div>
  );
}
