// The simulation worker: runs the simulator off the UI thread, the latest request it was sent.
import { LatestRequestLoop } from './latest-request';
import type { SimulationReply, SimulationRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A message to itself lines up behind the messages already waiting for the worker (a timer would
// be held back by the browser after a few nested ones).
const channel = new MessageChannel();
let resume: (() => void) | null = null;
channel.port1.onmessage = () => resume?.();
const letMessagesIn = () =>
  new Promise<void>((resolve) => {
    resume = resolve;
    channel.port2.postMessage(null);
  });

const loop = new LatestRequestLoop((reply: SimulationReply) => scope.postMessage(reply), letMessagesIn);

scope.onmessage = (event: MessageEvent<SimulationRequest>) => loop.receive(event.data);
