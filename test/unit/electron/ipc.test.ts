import { describe, expect, test, vi } from 'vitest';
import { API_METHODS, ipcChannel, type PlacewiseApi } from '../../../electron/api/contract';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import { ipcEvent } from './fake-electron';

function fakeHost(): PlacewiseApi {
  return Object.fromEntries(
    API_METHODS.map((method) => [method, vi.fn(async () => `${method} done`)]),
  ) as unknown as PlacewiseApi;
}

function registered(host: PlacewiseApi) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerIpcHandlers({ handle: (channel, handler) => void handlers.set(channel, handler as never) }, host);
  return (method: (typeof API_METHODS)[number], event: unknown, ...args: unknown[]) =>
    handlers.get(ipcChannel(method))!(event, ...args);
}

const appFrame = ipcEvent('app://placewise/index.html');

describe('IPC handlers', () => {
  test('a valid call from the app reaches the host', async () => {
    const host = fakeHost();
    const call = registered(host);
    await expect(call('openScenario', appFrame, '/tmp/a.yaml')).resolves.toEqual({
      ok: true,
      value: 'openScenario done',
    });
    expect(host.openScenario).toHaveBeenCalledWith('/tmp/a.yaml');
  });

  test('calls from other origins or from sub-frames are refused', async () => {
    const host = fakeHost();
    const call = registered(host);
    for (const event of [
      ipcEvent('https://evil.example/'),
      ipcEvent('app://placewise/index.html', true),
      { senderFrame: null },
    ]) {
      await expect(call('openScenario', event, '/tmp/a.yaml')).resolves.toMatchObject({
        ok: false,
        error: expect.stringContaining('refused'),
      });
    }
    expect(host.openScenario).not.toHaveBeenCalled();
  });

  test('bad arguments are answered with a message naming the argument, and the host is not called', async () => {
    const host = fakeHost();
    const call = registered(host);
    await expect(call('openScenario', appFrame, 42)).resolves.toEqual({
      ok: false,
      error: 'openScenario: invalid arguments at argument 0: Invalid input: expected string, received number',
    });
    await expect(call('saveScenario', appFrame, { path: '/tmp/a.yaml', text: 'x', extra: 1 })).resolves.toMatchObject({
      ok: false,
    });
    await expect(call('saveScenario', appFrame, { path: '', text: 'x' })).resolves.toMatchObject({
      ok: false,
      error: expect.stringContaining('a file path is required'),
    });
    await expect(call('benchmarkStatus', appFrame, '../../etc')).resolves.toMatchObject({
      ok: false,
      error: expect.stringContaining('not a job id'),
    });
    await expect(call('hostInfo', appFrame, 'unexpected')).resolves.toMatchObject({ ok: false });
    expect(host.saveScenario).not.toHaveBeenCalled();
    expect(host.benchmarkStatus).not.toHaveBeenCalled();
  });

  test('a host failure comes back as a message, not a crash', async () => {
    const host = fakeHost();
    vi.mocked(host.recentFiles).mockRejectedValue(new Error('disk on fire'));
    const call = registered(host);
    await expect(call('recentFiles', appFrame)).resolves.toEqual({ ok: false, error: 'disk on fire' });
  });
});
