// The Benchmark view: pick a bundled model or an .onnx file on the host, measure it with
// progress and cancel (here, or in another device's browser), see the distribution, and use the
// measurement in the scenario; or split the model between a device and a server and see the
// latency of every cut.
import { useEffect, useState } from 'react';
import type { SplitJobRequest } from '../../electron/api/contract';
import { HARDWARE_LIBRARY } from '../../simulator/scenario/hardware-library';
import { LINK_TECHNOLOGIES } from '../../simulator/scenario/link-technologies';
import { BenchResult } from '../components/BenchResult';
import { DeviceBenchmark } from '../components/DeviceBenchmark';
import { SplitResult } from '../components/SplitResult';
import { usePlacewise, useSession } from '../context';

/** Built-in hardware as [id, what the picker shows]: the label first, the id a scenario uses after it. */
const HARDWARE_CHOICES = Object.entries(HARDWARE_LIBRARY).map(
  ([id, profile]) => [id, `${profile.label} (${id})`] as const,
);
const LINK_CHOICES = LINK_TECHNOLOGIES.map((tech) => [tech, tech] as const);

/** Where to cut the model: the device, the server and the link a split is projected onto. */
function SplitForm({
  disabled,
  onSplit,
}: {
  disabled: string | null;
  onSplit(target: Omit<SplitJobRequest, 'model'>): void;
}) {
  const [device, setDevice] = useState('phone-midrange');
  const [server, setServer] = useState('aws-c7i-xlarge');
  const [link, setLink] = useState<string>('lte');
  const [mbps, setMbps] = useState('');
  const rate = mbps.trim() === '' ? undefined : Number(mbps);
  const problem =
    disabled ?? (rate !== undefined && !(rate > 0) ? 'Mbit/s: a positive number, or empty for the default' : null);
  const choose = (
    testId: string,
    value: string,
    set: (value: string) => void,
    choices: readonly (readonly [string, string])[],
  ) => (
    <select data-testid={testId} value={value} onChange={(event) => set(event.target.value)}>
      {choices.map(([entry, shown]) => (
        <option key={entry} value={entry}>
          {shown}
        </option>
      ))}
    </select>
  );
  return (
    <section className="bench-form" data-testid="split-form">
      <h2>Split the model between a device and a server</h2>
      <label>Device {choose('split-device', device, setDevice, HARDWARE_CHOICES)}</label>
      <label>Server {choose('split-server', server, setServer, HARDWARE_CHOICES)}</label>
      <label>Link {choose('split-link', link, setLink, LINK_CHOICES)}</label>
      <label>
        Mbit/s{' '}
        <input
          data-testid="split-mbps"
          placeholder="default"
          value={mbps}
          onChange={(event) => setMbps(event.target.value)}
        />
      </label>
      <div className="bench-buttons">
        <button
          data-testid="split-run"
          disabled={problem !== null}
          title={problem ?? undefined}
          onClick={() => onSplit({ device, server, link, ...(rate === undefined ? {} : { mbps: rate }) })}
        >
          Find the best cut
        </button>
        {problem && problem !== disabled ? <span className="field-error">{problem}</span> : null}
      </div>
    </section>
  );
}

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
          {job?.status.state === 'running' && !job.status.device ? (
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
      <DeviceBenchmark
        model={model}
        iterations={iterationCount}
        disabled={running ? 'a benchmark is running' : formProblem}
      />
      <SplitForm
        disabled={running ? 'a benchmark is running' : formProblem}
        onSplit={(target) =>
          void session.benchmarks.split({
            model,
            threads: threadCounts?.[0] ?? 1,
            iterations: iterationCount,
            ...target,
          })
        }
      />
      {error ? (
        <p className="banner banner-error" role="alert" data-testid="bench-error">
          {error}
        </p>
      ) : null}
      {job?.status.state === 'running' && !job.status.device ? (
        <div className="bench-progress" data-testid="bench-progress">
          <progress max={1} value={job.status.progress} /> {job.status.message}
        </div>
      ) : null}
      {job?.status.state === 'failed' ? (
        <p className="banner banner-error" role="alert" data-testid="bench-error">
          {job.status.timedOut ? 'Timed out: ' : ''}
          {job.model}: {job.status.message}
        </p>
      ) : null}
      {job?.status.state === 'cancelled' ? <p className="hint">Benchmark cancelled.</p> : null}
      {job?.status.state === 'done' ? (
        <>
          {job.status.split ? <SplitResult analysis={job.status.split} /> : null}
          <BenchResult report={job.status.report} />
          <ApplyMeasurement />
        </>
      ) : null}
    </div>
  );
}
