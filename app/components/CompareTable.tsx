// Every option against every budget: pass or fail at a glance, each budget one column headed as
// it reads, the value behind each verdict and how it moved since the last edit, the option's
// warnings under its row, and the recommendation marked (or, when no option passes, the one
// that fails fewest). Clicking an option shows it in the diagram.
import type { OptionResult } from '../../simulator/results';
import { type CompareColumn, compareColumns } from '../compare/compare-columns';
import { figureChange } from '../compare/figure-change';
import { usePlacewise } from '../context';
import { saturatedPlaces } from '../store/result-warnings';
import { useDiagramOption } from './use-diagram-option';

function FigureCell({
  column,
  option,
  before,
  saturated,
}: {
  column: CompareColumn;
  option: OptionResult;
  before: OptionResult | undefined;
  saturated: string[];
}) {
  const value = column.value(option);
  const verdict = column.budget ? option.budgets.find((entry) => entry.name === column.budget!.name) : undefined;
  const testId =
    column.id === 'latency_ms.p50'
      ? 'latency-p50'
      : column.id === 'latency_ms.p95'
        ? 'latency-p95'
        : column.id === 'monthly_usd'
          ? 'monthly-cost'
          : undefined;
  if (column.budget && !verdict) return <td data-testid={testId}>—</td>;
  const className = verdict ? (verdict.pass ? 'pass' : 'fail') : '';
  const mark = verdict ? (verdict.pass ? '✓ ' : '✗ ') : '';
  // A saturated queue grows for as long as the run lasts: its latency measures the run, not the option.
  if (column.latency && saturated.length > 0) {
    return (
      <td
        className={className}
        data-testid={testId}
        title={`simulated ${value === null ? 'nothing' : column.format(value)}, but ${saturated.join(', ')} cannot keep up: the queue grows without bound, so this figure depends only on how long the run is`}
      >
        {mark}saturated
      </td>
    );
  }
  const change = before ? figureChange(value, column.value(before), column.better, column.format) : null;
  return (
    <td className={className} data-testid={testId} title={column.budget ? `budget: ${column.heading}` : undefined}>
      {mark}
      {value === null ? 'n/a' : column.format(value)}
      {change ? (
        <span
          className={`delta ${change.better ? 'delta-better' : 'delta-worse'}`}
          data-testid="figure-change"
          title="since the last edit"
        >
          {change.text}
        </span>
      ) : null}
    </td>
  );
}

/** Why an option's models do not fit its devices: a failure, listed first among its notes. */
function misfits(option: OptionResult): string[] {
  return (option.fit ?? []).flatMap((entry) => (entry.reason ? [`does not fit: ${entry.reason}`] : []));
}

/** The results' warnings, per option, right under the table (each row's ⚠ links to its own). */
export function CompareWarnings() {
  const results = usePlacewise((state) => state.results);
  const options = results?.options.filter((option) => option.warnings.length + misfits(option).length > 0) ?? [];
  if (options.length === 0) return null;
  return (
    <section className="compare-warnings" data-testid="compare-warnings" aria-label="Warnings">
      {options.map((option) => (
        <div key={option.id} id={`warnings-${option.id}`} data-option={option.id}>
          <strong>{option.id}</strong>
          <ul>
            {misfits(option).map((reason) => (
              <li key={reason} className="fail" data-testid="misfit">
                {reason}
              </li>
            ))}
            {option.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function CompareTable() {
  const results = usePlacewise((state) => state.results);
  const before = usePlacewise((state) => state.resultsBeforeEdit);
  const setDiagramOption = usePlacewise((state) => state.setDiagramOption);
  const shown = useDiagramOption();
  if (!results) return <p className="hint">Simulating…</p>;
  const columns = compareColumns(results);
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col" className="sticky-first">
            Option
          </th>
          {columns.map((column) => (
            <th scope="col" key={column.id} data-budget={column.budget?.name}>
              {column.heading}
            </th>
          ))}
          <th scope="col" className="sticky-last">
            Verdict
          </th>
        </tr>
      </thead>
      <tbody>
        {results.options.map((option) => {
          const recommended = option.id === results.recommendation;
          const saturated = saturatedPlaces(option);
          const failures = option.budgets.filter((verdict) => !verdict.pass).length;
          return (
            <tr
              key={option.id}
              data-testid={`compare-row-${option.id}`}
              className={`${option.id === shown ? 'shown' : ''}${recommended ? ' recommended' : ''}`}
              onClick={() => setDiagramOption(option.id)}
            >
              <th scope="row" className="sticky-first">
                {option.id}
                {option.pattern ? <span className="pattern">{option.pattern}</span> : null}
                {recommended && option.pass ? (
                  <span className="badge" title={results.recommendation_reason}>
                    recommended
                  </span>
                ) : null}
                {recommended && !option.pass ? (
                  <span className="badge badge-fewest" data-testid="fails-fewest" title={results.recommendation_reason}>
                    fails fewest
                  </span>
                ) : null}
                {option.warnings.length > 0 ? (
                  <a
                    className="warning-count"
                    href={`#warnings-${option.id}`}
                    title={option.warnings.join('\n')}
                    onClick={(event) => event.stopPropagation()}
                  >
                    ⚠ {option.warnings.length}
                    <span className="visually-hidden"> warning{option.warnings.length === 1 ? '' : 's'}</span>
                  </a>
                ) : null}
              </th>
              {columns.map((column) => (
                <FigureCell
                  key={column.id}
                  column={column}
                  option={option}
                  before={before?.options.find((entry) => entry.id === option.id)}
                  saturated={saturated}
                />
              ))}
              <td className={`sticky-last ${option.pass ? 'pass' : 'fail'}`} data-testid="verdict">
                {option.pass ? 'pass' : `fails ${failures}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
