// Runs seeded mutations of scenario files through the answer rule, in a process of its own so
// that the parent can stop it if a file ever takes unbounded time. Reads its plan as JSON in
// argv[2]; prints a JSON line as it starts each file and one when it has answered it.
import { readFileSync } from 'node:fs';
import { answerFor, ruleViolations } from './answer-rule';
import type { FuzzLine, FuzzPlan } from './fuzz-plan';
import { scenarioMutations } from './scenario-mutations';

const plan = JSON.parse(process.argv[2]) as FuzzPlan;
const say = (line: FuzzLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
for (const { scenario, from, to } of plan.jobs) {
  const mutation = scenarioMutations(readFileSync(scenario, 'utf8'), plan.seed);
  for (let index = from; index < to; index++) {
    const { kind, text: mutated } = mutation(index);
    say({ event: 'start', scenario, index, kind });
    const file = `fuzz/${index}.yaml`;
    const started = performance.now();
    const answer = answerFor(file, mutated, plan.requests);
    const ms = performance.now() - started;
    say({ event: 'answered', scenario, index, kind, answer: answer.kind, ms, problems: ruleViolations(file, answer) });
  }
}
