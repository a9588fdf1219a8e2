// Per option, p5–p50–p95 of p95 latency and monthly cost over the Monte Carlo samples, and the
// share of samples that pass each budget.
import { budgetTitle } from '../../simulator/export/budget-format';
import type { MonteCarloReport, Spread } from '../../simulator/uncertainty/index';
import { budgetNames, spreadRows } from '../uncertainty/uncertainty-rows';
import { formatFigure } from './format';

function SpreadCells({ spread, unit }: { spread: Spread | undefined; unit: (text: string) => string }) {
  if (!spread) return <td colSpan={3}>—</td>;
  return (
    <>
      <td>{unit(formatFigure(spread.p5))}</td>
      <td>
        <strong>{unit(formatFigure(spread.p50))}</strong>
      </td>
      <td>{unit(formatFigure(spread.p95))}</td>
    </>
  );
}

// Met in at least 95% of samples reads as a pass, in under half as a fail, as on the command line.
const shareClass = (share: number) => (share >= 0.95 ? 'pass' : share < 0.5 ? 'fail' : '');

export function UncertaintyTable({ report }: { report: MonteCarloReport }) {
  const budgets = budgetNames(report);
  const ms = (text: string) => `${text} ms`;
  const usd = (text: string) => `$${text}`;
  return (
    <table className="compare-table uncertainty-table" data-testid="uncertainty-table">
      <thead>
        <tr>
          <th rowSpan={2}>Option</th>
          <th colSpan={3}>p95 latency</th>
          <th colSpan={3}>Monthly cost</th>
          <th colSpan={budgets.length + 1}>Chance of passing</th>
        </tr>
        <tr>
          <th>p5</th>
          <th>p50</th>
          <th>p95</th>
          <th>p5</th>
          <th>p50</th>
          <th>p95</th>
          {budgets.map((name) => (
            <th key={name} title={name}>
              {budgetTitle(name)}
            </th>
          ))}
          <th>all</th>
        </tr>
      </thead>
      <tbody>
        {spreadRows(report).map((row) => (
          <tr key={row.option} data-testid={`uncertainty-row-${row.option}`}>
            <th scope="row">{row.option}</th>
            <SpreadCells spread={row.latency} unit={ms} />
            <SpreadCells spread={row.cost} unit={usd} />
            {budgets.map((name) => {
              const share = row.pass[name];
              return share === undefined ? (
                <td key={name}>—</td>
              ) : (
                <td key={name} className={shareClass(share)}>
                  {row.passText[name]}
                </td>
              );
            })}
            <td className={shareClass(row.passAll)}>{row.passAllText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
