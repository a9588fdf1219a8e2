// The bench child talks to its parent over Node's IPC when forked, and over Electron's
// parentPort when the desktop app started it as a utility process.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { type ElectronParentPort, parentChannel } from '../../../bench/runner/parent-channel';
import type { ChildMessage, MeasureTask } from '../../../bench/runner/protocol';

const task = { modelFile: '/models/m.onnx' } as MeasureTask;
const progress: ChildMessage = { kind: 'progress', phase: 'load', done: 0, total: 1 };

describe("the bench child's channel to its parent", () => {
  test("in a utility process: the task arrives as the port message's data, replies are posted", async () => {
    const port = new EventEmitter() as EventEmitter & ElectronParentPort & { posted: unknown[] };
    port.posted = [];
    port.postMessage = (message) => port.posted.push(message);
    const nodeIpc = new EventEmitter();
    const channel = parentChannel(Object.assign(nodeIpc, { parentPort: port, send: undefined }) as never);
    const tasks: MeasureTask[] = [];
    channel.onTask((received) => tasks.push(received));
    port.emit('message', { data: task });
    port.emit('message', { data: { modelFile: 'a second task' } });
    nodeIpc.emit('message', { modelFile: 'not this way' });
    await channel.send(progress);
    expect(tasks).toEqual([task]);
    expect(port.posted).toEqual([progress]);
  });

  test("when forked: the task arrives on Node's IPC, replies are sent and the channel disconnects", async () => {
    const sent: unknown[] = [];
    let disconnected = false;
    const nodeIpc = Object.assign(new EventEmitter(), {
      send: (message: unknown, _handle: unknown, _options: unknown, done: () => void) => {
        sent.push(message);
        done();
        return true;
      },
      disconnect: () => (disconnected = true),
    });
    const channel = parentChannel(nodeIpc as never);
    const tasks: MeasureTask[] = [];
    channel.onTask((received) => tasks.push(received));
    nodeIpc.emit('message', task);
    nodeIpc.emit('message', { modelFile: 'a second task' });
    await channel.send(progress);
    channel.close();
    expect(tasks).toEqual([task]);
    expect(sent).toEqual([progress]);
    expect(disconnected).toBe(true);
  });
});
