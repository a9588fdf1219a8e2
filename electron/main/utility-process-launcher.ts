// Benchmark children in the desktop app: Electron utility processes. The packaged binary cannot
// run as plain Node (the runAsNode fuse), so Node's `fork` is not available in the main process;
// a utility process is Electron's own child process with Node, and onnxruntime-node runs in it.
import type { UtilityProcess } from 'electron';
import type { BenchChildLauncher } from '../../bench/runner/child-launcher';
import type { ChildMessage } from '../../bench/runner/protocol';
import type { ElectronMain } from './electron-modules';

export function utilityProcessLauncher(utilityProcess: ElectronMain['utilityProcess']): BenchChildLauncher {
  return (entryPath) => {
    const child: UtilityProcess = utilityProcess.fork(entryPath, [], {
      stdio: ['ignore', 'ignore', 'pipe'],
      serviceName: 'Placewise benchmark',
    });
    let killed = false;
    return {
      send: (task) => child.postMessage(task),
      onMessage: (listener) => child.on('message', (message: ChildMessage) => listener(message)),
      onExit: (listener) => child.once('exit', (code) => listener(killed ? 'was killed' : `exited with code ${code}`)),
      onError: (listener) => child.on('error', (type, location) => listener(new Error(`${type} at ${location}`))),
      onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
      kill: () => {
        killed = true;
        child.kill();
      },
    };
  };
}
