// The Model view: the outline of the scenario, the editable canvas of the option shown, and the
// inspector of the selected item.
import { ScenarioCanvas } from '../canvas/ScenarioCanvas';
import { Inspector } from '../components/Inspector';
import { Outline } from '../components/Outline';
import { usePlacewise } from '../context';

export function ModelView() {
  // A new document starts a new canvas: its own automatic layout, fitted to the view.
  const serial = usePlacewise((state) => state.documentSerial);
  return (
    <div className="model-view">
      <Outline />
      <ScenarioCanvas key={serial} />
      <Inspector />
    </div>
  );
}
