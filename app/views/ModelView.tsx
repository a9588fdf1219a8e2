// The Model view: the outline of the scenario, the inspector of the selected item, and the
// live diagram of the option chosen below it.
import { useState } from 'react';
import { Diagram } from '../components/Diagram';
import { IdSelect } from '../components/IdSelect';
import { Inspector } from '../components/Inspector';
import { Outline } from '../components/Outline';
import { useDiagramOption } from '../components/use-diagram-option';
import { usePlacewise } from '../context';

function OptionPicker() {
  const scenario = usePlacewise((state) => state.lastValidScenario);
  const setDiagramOption = usePlacewise((state) => state.setDiagramOption);
  const shown = useDiagramOption();
  if (!scenario) return null;
  return (
    <label className="option-picker">
      Option shown
      <IdSelect
        testId="diagram-option"
        value={shown ?? ''}
        ids={scenario.options.map((option) => ({ id: option.id, hint: option.pattern }))}
        onChange={setDiagramOption}
      />
    </label>
  );
}

export function ModelView() {
  const [actualSize, setActualSize] = useState(false);
  return (
    <div className="model-view">
      <Outline />
      <Inspector />
      <div className="diagram-column">
        <div className="diagram-controls">
          <OptionPicker />
          <label className="option-picker">
            <input
              type="checkbox"
              data-testid="diagram-actual-size"
              checked={actualSize}
              onChange={(event) => setActualSize(event.target.checked)}
            />
            Actual size
          </label>
        </div>
        <Diagram actualSize={actualSize} />
      </div>
    </div>
  );
}
