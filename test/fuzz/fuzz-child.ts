// Runs seeded mutations of scenario files through the answer rule, in a process of its own so
// that the parent can stop it if a file ever takes unbounded time. Reads its plan as JSON in
// argv[2]; prints one JSON line as it starts each file, one per violation, and a last summary.
import { readFileSync } from 'node:fs';
import { answerFor, ruleViolations } from './answer-rule';
import type { FuzzLine, FuzzPlan } from './fuzz-plan';
import { scenarioMutation } from './scenario-mutations';

const plan = JSON.parse(process.argv[2]) as FuzzPlan;
const say = (line: FuzzLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
const answers: Record<string, number> = {};
let slowest = { ms: 0, scenario: '', index: -1, kind: '' };
let files = 0;
for (const { scenario, from, to } of plan.jobs) {
  const text = readFileSync(scenario, 'utf8');
  for (let index = from; index < to; index++) {
    const mutation = scenarioMutation(text, plan.seed, index);
    say({ event: 'start', scenario, index, kind: mutation.kind });
    const file = `fuzz/${index}.yaml`;
    const started = performance.now();
    const answer = answerFor(file, mutation.text, plan.requests);
    const ms = performance.now() - started;
    if (ms > slowest.ms) slowest = { ms, scenario, index, kind: mutation.kind };
    answers[answer.kind] = (answers[answer.kind] ?? 0) + 1;
    const problems = ruleViolations(file, answer);
    if (problems.length > 0) say({ event: 'violation', scenario, index, kind: mutation.kind, problems });
    files++;
  }
}
say({ event: 'done', files, answers, slowest });
