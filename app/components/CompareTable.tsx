// Every option against every budget: pass or fail at a glance, with the value behind it and
// the recommendation marked. Clicking an option shows it in the diagram.
import type { ScenarioResults } from '../../simulator/results';
import { usePlacewise } from '../context';
import { formatBudgetValue, formatFigure } from './format';
import { useDiagramOption } from './use-diagram-option';

function budgetNames(results: ScenarioResults): string[] {
  return [...new Set(results.options.flatMap((option) => option.budgets.map((budget) => budget.name)))];
}

export function CompareTable() {
  const results = usePlacewise((state) => state.results);
  const setDiagramOption = usePlacewise((state) => state.setDiagramOption);
  const shown = useDiagramOption();
  if (!results) return <p className="hint">Simulating…</p>;
  const budgets = budgetNames(results);
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th>Option</th>
          <th>p50</th>
          <th>p95</th>
          <th>Monthly cost</th>
          {budgets.map((name) => (
            <th key={name}>{name}</th>
          ))}
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {results.options.map((option) => {
          const recommended = option.id === results.recommendation;
          return (
            <tr
              key={option.id}
              data-testid={`compare-row-${option.id}`}
              className={`${option.id === shown ? 'shown' : ''}${recommended ? ' recommended' : ''}`}
              onClick={() => setDiagramOption(option.id)}
            >
              <th scope="row">
                {option.id}
                {option.pattern ? <span className="pattern">{option.pattern}</span> : null}
                {recommended ? (
                  <span className="badge" title={results.recommendation_reason}>
                    recommended
                  </span>
                ) : null}
              </th>
              <td data-testid="latency-p50">{formatFigure(option.latency_ms.p50)} ms</td>
              <td data-testid="latency-p95">{formatFigure(option.latency_ms.p95)} ms</td>
              <td data-testid="monthly-cost">${formatFigure(option.monthly_usd.total)}</td>
              {budgets.map((name) => {
                const verdict = option.budgets.find((budget) => budget.name === name);
                if (!verdict) return <td key={name}>—</td>;
                return (
                  <td
                    key={name}
                    className={verdict.pass ? 'pass' : 'fail'}
                    title={`limit ${formatBudgetValue(name, verdict.limit)}`}
                  >
                    {verdict.pass ? '✓' : '✗'} {formatBudgetValue(name, verdict.value)}
                  </td>
                );
              })}
              <td className={option.pass ? 'pass' : 'fail'}>{option.pass ? 'pass' : 'fail'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
