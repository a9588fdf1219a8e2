// The dashed line at a budget's limit on a bar chart. A function returning the element rather
// than a component: recharts reads its own element types among a chart's children.
import { ReferenceLine } from 'recharts';
import { BUDGET_COLOUR } from './palette';

export function budgetLine(budget: { value: number; label: string } | undefined) {
  if (budget === undefined) return null;
  return (
    <ReferenceLine
      y={budget.value}
      stroke={BUDGET_COLOUR}
      strokeDasharray="4 3"
      ifOverflow="extendDomain"
      label={{ value: budget.label, fill: BUDGET_COLOUR, fontSize: 11, position: 'insideTopRight' }}
    />
  );
}
