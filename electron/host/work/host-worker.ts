// Entry of a host worker thread (bundled to dist/host-worker.mjs): runs the tasks the host
// sends, one at a time, and answers each with its output or failure. A cancel message aborts a
// benchmark (which then kills its child process); other tasks are stopped by ending the thread.
// Benchmark children are started by the main thread on this thread's behalf (child-relay.ts).
import { parentPort } from 'node:worker_threads';
import { setBenchChildLauncher } from '../../../bench/runner/child-launcher';
import { relayedChildren } from './child-relay';
import { describeFailure, HOST_TASKS, type TaskHooks } from './host-tasks';
import type { TaskInput, TaskKind, TaskProgress, ToWorker, WorkerReply } from './protocol';

const port = parentPort!;
const running = new Map<number, AbortController>();
const reply = (message: WorkerReply) => port.postMessage(message);
const children = relayedChildren((request) => port.postMessage(request));
setBenchChildLauncher(children.launcher);

async function perform(id: number, kind: TaskKind, input: unknown): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const task = HOST_TASKS[kind] as (
      input: TaskInput<TaskKind>,
      hooks: TaskHooks<TaskProgress<TaskKind>>,
    ) => Promise<unknown>;
    const output = await task(input as TaskInput<TaskKind>, {
      signal: controller.signal,
      progress: (progress) => reply({ id, progress }),
    });
    reply({ id, output });
  } catch (error) {
    reply({ id, failure: describeFailure(error, controller.signal.aborted) });
  } finally {
    running.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  if ('relay' in message) children.receive(message);
  else if ('cancel' in message) running.get(message.id)?.abort();
  else void perform(message.id, message.kind, message.input);
});
