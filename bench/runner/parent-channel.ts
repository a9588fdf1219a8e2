// The bench child's side of its channel to the parent: Node's IPC when forked, or Electron's
// `process.parentPort` when the desktop app started it as a utility process (child-launcher.ts).
import type { ChildMessage, MeasureTask } from './protocol';

/** Electron's port to the parent of a utility process; messages arrive wrapped as `{ data }`. */
export interface ElectronParentPort {
  once(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface ParentChannel {
  /** Resolves once the message has left (Node's IPC) or been queued (Electron's port). */
  send(message: ChildMessage): Promise<void>;
  /** The one task this child runs. */
  onTask(listener: (task: MeasureTask) => void): void;
  /** Lets the child exit once its work is done. */
  close(): void;
}

type ChildProcessLike = Pick<NodeJS.Process, 'send' | 'once' | 'disconnect'> & { parentPort?: ElectronParentPort };

export function parentChannel(child: ChildProcessLike): ParentChannel {
  const port = child.parentPort;
  if (port)
    return {
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      onTask: (listener) => port.once('message', (event) => listener(event.data as MeasureTask)),
      // The task listener was the port's only one: once it has gone, nothing keeps the process alive.
      close: () => undefined,
    };
  return {
    send: (message) =>
      new Promise((resolve) => {
        if (!child.send) resolve();
        else child.send(message, undefined, {}, () => resolve());
      }),
    onTask: (listener) => child.once('message', (task) => listener(task as MeasureTask)),
    close: () => child.disconnect?.(),
  };
}
