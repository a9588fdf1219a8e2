// Above the canvas: the option shown, its p95 latency and monthly cost, its verdict against
// each budget, and the warnings of its run that name no component or link (those show on the
// canvas itself).
import { formatMs, formatUsd } from '../../../simulator/export/figures';
import { budgetComparator, budgetTitle, formatBudgetValue } from '../../../simulator/export/budget-format';
import { IdSelect } from '../../components/IdSelect';
import { useDiagramOption } from '../../components/use-diagram-option';
import { usePlacewise } from '../../context';
import { useOptionFigures } from '../hooks/useFigures';

function OptionPicker() {
  const options = usePlacewise((state) => state.lastValidScenario?.options);
  const setDiagramOption = usePlacewise((state) => state.setDiagramOption);
  const shown = useDiagramOption();
  if (!options) return null;
  return (
    <label className="option-picker">
      Option shown
      <IdSelect
        testId="diagram-option"
        value={shown ?? ''}
        ids={options.map((option) => ({ id: option.id, hint: option.pattern }))}
        onChange={setDiagramOption}
      />
    </label>
  );
}

function Verdicts() {
  const figures = useOptionFigures();
  if (!figures) return <span className="figure-quiet">Simulating…</span>;
  const { result } = figures;
  return (
    <>
      <span className="headline" data-testid="canvas-p95">
        p95 <strong>{formatMs(result.latency_ms.p95)}</strong>
      </span>
      <span className="headline" data-testid="canvas-cost">
        <strong>{formatUsd(result.monthly_usd.total)}</strong> a month
      </span>
      <ul className="verdicts" aria-label="Budgets">
        {result.budgets.map((verdict) => (
          <li
            key={verdict.name}
            className={`verdict ${verdict.pass ? 'pass' : 'fail'}`}
            data-testid={`canvas-verdict-${verdict.name}`}
            title={`${budgetTitle(verdict.name)}: ${formatBudgetValue(verdict.name, verdict.value)}, ${budgetComparator(verdict.name)} ${formatBudgetValue(verdict.name, verdict.limit)}`}
          >
            <span aria-hidden="true">{verdict.pass ? '✓' : '✗'}</span> {budgetTitle(verdict.name)}{' '}
            {formatBudgetValue(verdict.name, verdict.value)}
            <span className="verdict-limit">
              {budgetComparator(verdict.name) === 'at most' ? ' ≤ ' : ' ≥ '}
              {formatBudgetValue(verdict.name, verdict.limit)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function GeneralWarnings() {
  const warnings = useOptionFigures()?.generalWarnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <ul className="canvas-warnings" data-testid="canvas-warnings">
      {warnings.map((warning) => (
        <li key={warning}>{warning}</li>
      ))}
    </ul>
  );
}

export function CanvasHeader() {
  return (
    <div className="canvas-header" data-testid="canvas-header">
      <div className="canvas-header-row">
        <OptionPicker />
        <Verdicts />
      </div>
      <GeneralWarnings />
    </div>
  );
}
