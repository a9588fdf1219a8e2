# The throughput benchmark's baseline (issue 15, target 2): the M/M/10 queue of
# test/perf/fixtures/mm10.yaml in SimPy 2 (Debian's python3-simpy), the classic process-based
# simulator: Poisson arrivals at 0.8 per ms, 10 servers, exponential service of mean 10 ms.
# Usage: python3 simpy-mm10.py REQUESTS; prints the mean response time in ms.
import random
import sys

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

REQUESTS = int(sys.argv[1])
random.seed(1)
servers = Resource(capacity=10)
total = [0.0]


class Customer(Process):
    def visit(self):
        arrived = now()
        yield request, self, servers
        yield hold, self, random.expovariate(1 / 10.0)
        yield release, self, servers
        total[0] += now() - arrived


class Source(Process):
    def generate(self):
        for _ in range(REQUESTS):
            customer = Customer()
            activate(customer, customer.visit())
            yield hold, self, random.expovariate(0.8)


initialize()
source = Source()
activate(source, source.generate())
simulate(until=1e18)
print(total[0] / REQUESTS)
