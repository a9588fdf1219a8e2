// The Benchmark view: pick a bundled model or an .onnx file on the host, measure it with
// progress and cancel, see the distribution, and use the measurement in the scenario.
import { useEffect, useState } from 'react';
import { BenchResult } from '../components/BenchResult';
import { usePlacewise, useSession } from '../context';

function parseCounts(text: string): number[] | null {
  const values = text.split(',').map((part) => Number(part.trim()));
  return values.length > 0 && values.every((value) => Number.isInteger(value) && value > 0) ? values : null;
}

function ApplyMeasurement() {
  const session = useSession();
  const models = usePlacewise((state) => state.draft?.models ?? []);
  const [modelId, setModelId] = useState('');
  const chosen = models.some((model) => model.id === modelId) ? modelId : (models[0]?.id ?? '');
  if (models.length === 0) return <p className="hint">The open scenario has no models to apply the measurement to.</p>;
  return (
    <>
      <div className="bench-apply">
        Use this measurement for the scenario's model
        <select data-testid="bench-apply-model" value={chosen} onChange={(event) => setModelId(event.target.value)}>
          {models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.id}
            </option>
          ))}
        </select>
        <button data-testid="bench-apply" onClick={() => void session.benchmarks.apply(chosen)}>
          Use in scenario
        </button>
      </div>
      <ApplyOutcome />
    </>
  );
}

function ApplyOutcome() {
  const outcome = usePlacewise((state) => state.benchApplyOutcome);
  if (!outcome) return null;
  if (outcome.kind === 'refused') {
    return (
      <p className="banner banner-error" role="alert" data-testid="bench-apply-refused">
        Not used for '{outcome.modelId}': {outcome.message}
      </p>
    );
  }
  if (outcome.warnings.length === 0) return null;
  return (
    <div className="banner banner-warning" role="status" data-testid="bench-apply-warnings">
      Used for '{outcome.modelId}', with {outcome.warnings.length === 1 ? 'a warning' : 'warnings'}:
      <ul>
        {outcome.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}

export function BenchmarkView() {
  const session = useSession();
  const bundled = usePlacewise((state) => state.bundledModels);
  const job = usePlacewise((state) => state.benchJob);
  const error = usePlacewise((state) => state.benchError);
  const [source, setSource] = useState<'bundled' | 'file'>('bundled');
  const [bundledModel, setBundledModel] = useState('');
  const [file, setFile] = useState('');
  const [threads, setThreads] = useState('1');
  const [iterations, setIterations] = useState('30');
  const [reportPath, setReportPath] = useState('');

  useEffect(() => {
    void session.benchmarks.loadBundledModels();
  }, [session]);

  const model = source === 'bundled' ? bundledModel || bundled?.[0]?.reference || '' : file.trim();
  const threadCounts = parseCounts(threads);
  const iterationCount = Number(iterations);
  const formProblem =
    model === ''
      ? 'choose a model'
      : !threadCounts
        ? 'threads: whole numbers separated by commas'
        : !Number.isInteger(iterationCount) || iterationCount < 1
          ? 'runs: a whole number from 1'
          : null;
  const running = job?.status.state === 'running';

  return (
    <div className="benchmark-view">
      <section className="bench-form">
        <h2>Benchmark a model on this machine</h2>
        <label>
          <input type="radio" checked={source === 'bundled'} onChange={() => setSource('bundled')} /> Bundled model
          <select
            data-testid="bench-model"
            value={model}
            disabled={source !== 'bundled'}
            onChange={(event) => setBundledModel(event.target.value)}
          >
            {(bundled ?? []).map((entry) => (
              <option key={entry.id} value={entry.reference}>
                {entry.label} ({entry.size_mb.toFixed(1)} MB)
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" checked={source === 'file'} onChange={() => setSource('file')} /> ONNX file
          <input
            data-testid="bench-file"
            placeholder="/path/to/model.onnx"
            value={file}
            onFocus={() => setSource('file')}
            onChange={(event) => setFile(event.target.value)}
          />
        </label>
        <label>
          Threads{' '}
          <input data-testid="bench-threads" value={threads} onChange={(event) => setThreads(event.target.value)} />
        </label>
        <label>
          Runs{' '}
          <input
            data-testid="bench-iterations"
            value={iterations}
            inputMode="numeric"
            onChange={(event) => setIterations(event.target.value)}
          />
        </label>
        <div className="bench-buttons">
          <button
            data-testid="bench-run"
            disabled={running || formProblem !== null}
            title={formProblem ?? undefined}
            onClick={() =>
              void session.benchmarks.run({
                model,
                threads: threadCounts ?? [1],
                iterations: iterationCount,
                warmup: 3,
                calibrate: true,
              })
            }
          >
            Run benchmark
          </button>
          {running ? (
            <button data-testid="bench-cancel" onClick={() => void session.benchmarks.cancel()}>
              Cancel
            </button>
          ) : null}
          {formProblem ? <span className="field-error">{formProblem}</span> : null}
        </div>
        <label>
          Or import a results file of <code>placewise bench --out</code>
          <span className="field-control">
            <input
              data-testid="bench-report-path"
              placeholder="/path/to/bench.json"
              value={reportPath}
              onChange={(event) => setReportPath(event.target.value)}
            />
            <button
              data-testid="bench-import"
              disabled={reportPath.trim() === ''}
              onClick={() => void session.benchmarks.importReport(reportPath.trim())}
            >
              Import
            </button>
          </span>
        </label>
      </section>
      {error ? (
        <p className="banner banner-error" role="alert" data-testid="bench-error">
          {error}
        </p>
      ) : null}
      {job?.status.state === 'running' ? (
        <div className="bench-progress" data-testid="bench-progress">
          <progress max={1} value={job.status.progress} /> {job.status.message}
        </div>
      ) : null}
      {job?.status.state === 'failed' ? (
        <p className="banner banner-error" role="alert" data-testid="bench-error">
          {job.model}: {job.status.message}
        </p>
      ) : null}
      {job?.status.state === 'cancelled' ? <p className="hint">Benchmark cancelled.</p> : null}
      {job?.status.state === 'done' ? (
        <>
          <BenchResult report={job.status.report} />
          <ApplyMeasurement />
        </>
      ) : null}
    </div>
  );
}
