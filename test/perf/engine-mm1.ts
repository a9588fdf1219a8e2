// Events per second of the bare engine (event heap + FIFO station) on an M/M/1 queue at
// utilisation 0.8: two events per customer (arrival, departure). Prints, never asserts.
import { EventQueue } from '../../simulator/engine/event-queue';
import { FifoServers } from '../../simulator/engine/fifo-servers';
import { RandomStream } from '../../simulator/random/random-stream';

function run(customers: number): { events: number; seconds: number; meanResponse: number } {
  const queue = new EventQueue();
  const server = new FifoServers(1);
  const arrivals = new RandomStream(1, 'arrivals');
  const service = new RandomStream(1, 'service');
  const arrivalTime = new Float64Array(customers);
  let arrived = 0;
  let events = 0;
  let responseSum = 0;
  const started = performance.now();
  queue.push(arrivals.exponential(1.25), -1);
  while (queue.size > 0) {
    const time = queue.peekTime();
    const payload = queue.peekPayload();
    queue.pop();
    events++;
    if (payload === -1) {
      const customer = arrived++;
      arrivalTime[customer] = time;
      if (arrived < customers) queue.push(time + arrivals.exponential(1.25), -1);
      const serviceTime = service.exponential(1);
      const start = server.admit(time, serviceTime);
      queue.push(start + serviceTime, customer);
    } else {
      responseSum += time - arrivalTime[payload];
    }
  }
  return { events, seconds: (performance.now() - started) / 1000, meanResponse: responseSum / customers };
}

run(200_000);
const { events, seconds, meanResponse } = run(2_000_000);
console.log('engine: bare event loop on M/M/1, utilisation 0.8');
console.log(
  `  ${(events / seconds / 1e6).toFixed(1)} million events per second (${events.toLocaleString('en-US')} events in ${seconds.toFixed(3)} s)`,
);
console.log(`  mean response ${meanResponse.toFixed(3)} (theory 1 / (1 - 0.8) = 5.000)`);
