// Heavy work leaves the host's event loop: exports simulate on a bounded pool of worker threads,
// a trivial call is answered while simulations are queued, a full queue answers 429 with a
// retry hint, and work whose client went away is dropped or stopped.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPlacewiseHost } from '../../../electron/host/host';
import { type BrowserModeServer, startBrowserModeServer } from '../../../electron/host/http-server';
import { createHostWork, type HostWork } from '../../../electron/host/work/host-work';
import { ALIAS_PROBLEMS } from '../support/yaml-alias-problems';
import { callApi, type PendingCall } from './http-call';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let arText: string;
let server: BrowserModeServer;
let work: HostWork;
const pending: PendingCall[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placewise-work-'));
  arText = await readFile(join(ROOT, 'scenarios', 'ar-translation.yaml'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const call of pending.splice(0)) call.abandon();
  work.simulations.close();
  work.benchmarks.close();
  await server.close();
});

async function serve(limits: { workers: number; queue: number }): Promise<void> {
  work = createHostWork({ simulations: limits });
  const host = createPlacewiseHost({
    transport: 'http',
    dataDir: join(dir, 'data'),
    startScenarioPath: null,
    version: 'test',
    work,
  });
  server = await startBrowserModeServer({ host, appDir: join(dir, 'app') });
}

/** An export whose simulation takes seconds: far longer than answering anything else. */
function slowExport(): PendingCall {
  const call = callApi(server, 'exportScenario', [
    { scenarioText: arText.replace('requests: 20000', 'requests: 2000000'), format: 'md' },
  ]);
  pending.push(call);
  return call;
}

describe('the host under load', () => {
  test('a trivial call is answered while simulations are queued', async () => {
    await serve({ workers: 1, queue: 64 });
    let finished = 0;
    for (let index = 0; index < 20; index++)
      void slowExport().reply.then(
        () => finished++,
        () => undefined,
      );
    await expect.poll(() => work.simulations.queued, { timeout: 60_000 }).toBe(19);
    const info = await callApi(server, 'hostInfo', []).reply;
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body).value.transport).toBe('http');
    // Simulated on the event loop, the first export would have ended before hostInfo was read.
    expect(finished).toBe(0);
  });

  test('a request beyond the queue gets 429 with a retry hint', async () => {
    await serve({ workers: 1, queue: 2 });
    for (let index = 0; index < 3; index++) slowExport();
    await expect.poll(() => work.simulations.queued, { timeout: 60_000 }).toBe(2);
    const refused = await slowExport().reply;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body).error).toMatch(
      /^the host is busy: 2 simulations are waiting already; try again in \d+ s$/,
    );
  });

  test('work whose client went away is dropped from the queue, or stopped', async () => {
    await serve({ workers: 1, queue: 8 });
    const running = slowExport();
    const queued = [slowExport(), slowExport()];
    await expect.poll(() => work.simulations.queued, { timeout: 60_000 }).toBe(2);
    queued[0].abandon();
    await expect.poll(() => work.simulations.queued).toBe(1);
    // The running simulation's thread is ended; the next export gets a new one and its answer.
    queued[1].abandon();
    const quick = callApi(server, 'exportScenario', [{ scenarioText: arText, format: 'mmd' }]);
    pending.push(quick);
    running.abandon();
    const answer = await quick.reply;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).value).toMatchObject({ ok: true, mime: expect.stringContaining('mermaid') });
  });

  test('a scenario that does not read is the caller’s error (400), whatever the parser did', async () => {
    await serve({ workers: 1, queue: 8 });
    for (const scenarioText of [...Object.values(ALIAS_PROBLEMS), 'placewise: 1\nname: [']) {
      const reply = await callApi(server, 'exportScenario', [{ scenarioText, format: 'md' }]).reply;
      expect(reply.status, scenarioText).toBe(400);
      expect(JSON.parse(reply.body).error, scenarioText).toMatch(/^scenario: \(file\): /);
    }
  });
});
