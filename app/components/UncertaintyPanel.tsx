// The Compare view's uncertainty panel: when the scenario has uncertain values, a Monte Carlo
// study of them in a worker (progress, cancel) and its result; otherwise how to add one.
import { useMemo, useState } from 'react';
import { usePlacewise, useSession } from '../context';
import { uncertainDraft } from '../uncertainty/uncertain-draft';
import { UncertaintyResult } from './UncertaintyResult';

const DEFAULT_SAMPLES = 100;
const MAX_SAMPLES = 10_000;

/** "412 of 1,000 samples", then the tornado's own evaluations. */
export function studyProgress({ done, total, samples }: { done: number; total: number; samples: number }): string {
  const count = (value: number) => value.toLocaleString('en-US');
  return done <= samples
    ? `${count(done)} of ${count(samples)} samples`
    : `${count(samples)} samples; sensitivity: ${count(done - samples)} of ${count(total - samples)} runs`;
}

export function UncertaintyPanel() {
  const session = useSession();
  const draft = usePlacewise((state) => state.draft);
  const scenario = usePlacewise((state) => state.scenario);
  const run = usePlacewise((state) => state.uncertaintyRun);
  const ranOn = usePlacewise((state) => state.uncertaintyScenario);
  const stale = usePlacewise(
    (state) => state.uncertaintyScenario !== null && state.uncertaintyScenario !== state.lastValidScenario,
  );
  const uncertain = useMemo(() => uncertainDraft(draft), [draft]);
  const [samplesText, setSamplesText] = useState(String(DEFAULT_SAMPLES));
  const samples = Number(samplesText);
  const samplesValid = Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES;

  if (!uncertain) {
    return (
      <section className="uncertainty-panel" data-testid="uncertainty">
        <p className="hint">
          No uncertain values in this scenario: write a number you are unsure of as <code>{'{ range: [lo, hi] }'}</code>{' '}
          (for example <code>{'mbps: { range: [5, 20] }'}</code>) to see its spread here.
        </p>
      </section>
    );
  }

  return (
    <section className="uncertainty-panel" data-testid="uncertainty">
      <div className="uncertainty-form">
        <h2>Uncertainty</h2>
        <span>
          {uncertain.parameters.length} uncertain value{uncertain.parameters.length === 1 ? '' : 's'}
        </span>
        <label>
          Samples
          <input
            data-testid="uncertainty-samples"
            type="number"
            min={1}
            max={MAX_SAMPLES}
            step={1}
            value={samplesText}
            onChange={(event) => setSamplesText(event.target.value)}
          />
        </label>
        <button
          data-testid="uncertainty-run"
          disabled={!scenario || !samplesValid || run?.state === 'running'}
          onClick={() => session.uncertainty.run({ samples })}
        >
          Run Monte Carlo
        </button>
        {run?.state === 'running' ? (
          <span className="bench-progress" data-testid="uncertainty-progress">
            <progress max={run.total} value={run.done} aria-hidden="true" /> {studyProgress(run)}
            <button data-testid="uncertainty-cancel" onClick={() => session.uncertainty.cancel()}>
              Cancel
            </button>
          </span>
        ) : null}
        {!samplesValid ? <span className="field-error">Samples: a whole number from 1 to {MAX_SAMPLES}.</span> : null}
        {!scenario ? <span className="field-error">Fix the scenario's errors to sample it.</span> : null}
      </div>
      {run?.state === 'failed' ? (
        <p className="banner banner-error" role="alert" data-testid="uncertainty-error">
          {run.message}
        </p>
      ) : null}
      {run?.state === 'done' && ranOn ? (
        <div className="uncertainty-result" data-testid="uncertainty-result">
          {stale ? (
            <p className="banner banner-warning">The scenario changed since this study; run it again to update.</p>
          ) : null}
          <UncertaintyResult report={run.report} scenario={ranOn} />
        </div>
      ) : null}
    </section>
  );
}
