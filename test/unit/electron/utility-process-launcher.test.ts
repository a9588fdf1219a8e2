// In the desktop app, benchmark children are Electron utility processes (the packaged binary
// cannot fork): the launcher starts the bundled child with its stderr piped, passes the task
// and the child's messages through, and says how the child ended.
import { afterEach, describe, expect, test } from 'vitest';
import { forkNodeChild, launchBenchChild, setBenchChildLauncher } from '../../../bench/runner/child-launcher';
import type { ChildMessage, MeasureTask } from '../../../bench/runner/protocol';
import { startDesktopApp } from '../../../electron/main/desktop-app';
import { utilityProcessLauncher } from '../../../electron/main/utility-process-launcher';
import { createFakeElectron } from './fake-electron';

afterEach(() => setBenchChildLauncher(forkNodeChild));

const task = { modelFile: '/models/m.onnx' } as MeasureTask;

describe('benchmark children as utility processes', () => {
  test('starts the entry with stderr piped, posts the task and relays messages, stderr and the exit', () => {
    const { fake } = createFakeElectron();
    const child = utilityProcessLauncher(fake.utilityProcess as never)('/app/dist/bench-child.mjs');
    const [process] = fake.utilityProcess.forked;
    expect(process?.modulePath).toBe('/app/dist/bench-child.mjs');
    expect(process?.options.stdio).toEqual(['ignore', 'ignore', 'pipe']);
    const messages: ChildMessage[] = [];
    const stderr: string[] = [];
    const exits: string[] = [];
    child.onMessage((message) => messages.push(message));
    child.onStderr((text) => stderr.push(text));
    child.onExit((how) => exits.push(how));
    child.send(task);
    expect(process?.posted).toEqual([task]);
    const progress: ChildMessage = { kind: 'progress', phase: 'load', done: 0, total: 1 };
    process?.emit('message', progress);
    process?.stderr.write('onnxruntime warning');
    process?.emit('exit', 3);
    expect(messages).toEqual([progress]);
    expect(stderr).toEqual(['onnxruntime warning']);
    expect(exits).toEqual(['exited with code 3']);
  });

  test('a killed child is told as killed, and a fatal error as an error', () => {
    const { fake } = createFakeElectron();
    const child = utilityProcessLauncher(fake.utilityProcess as never)('/app/dist/bench-child.mjs');
    const [process] = fake.utilityProcess.forked;
    const exits: string[] = [];
    const errors: string[] = [];
    child.onExit((how) => exits.push(how));
    child.onError((error) => errors.push(error.message));
    process?.emit('error', 'FatalError', 'v8::Isolate', '{}');
    child.kill();
    process?.emit('exit', 15);
    expect(process?.killed).toBe(true);
    expect(errors).toEqual(['FatalError at v8::Isolate']);
    expect(exits).toEqual(['was killed']);
  });

  test('the desktop app starts its benchmark children as utility processes', async () => {
    const { electron, fake } = createFakeElectron();
    await startDesktopApp(electron, {
      appDir: '/nowhere/dist-app',
      preloadPath: '/nowhere/preload.cjs',
      startScenarioPath: null,
      version: 'test',
    });
    launchBenchChild('/app/dist/bench-child.mjs');
    expect(fake.utilityProcess.forked.map((child) => child.modulePath)).toEqual(['/app/dist/bench-child.mjs']);
  });
});
