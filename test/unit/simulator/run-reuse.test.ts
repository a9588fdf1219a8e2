// A run takes the arrays an earlier run on the thread left (its request slots, its event list,
// its users' own stations; see request-slots.ts): whatever that run was, an option's results are
// those it gets in a process of its own. Here two options of different layouts (stations of
// their own and shared ones with background users, requests in flight by the thousand) run in
// turn, and each one's figures after the other's are its figures run first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScenario, parseScenarioText } from '../../../simulator';

const parsed = parseScenarioText(readFileSync(join(__dirname, '../../../scenarios/ar-translation.yaml'), 'utf8'));

describe('runs in turn on one thread', () => {
  it('give each option the results it gets run first', () => {
    if (!parsed.ok) throw new Error('scenarios/ar-translation.yaml does not validate');
    const run = (option: string) =>
      JSON.stringify(
        evaluateScenario(parsed.scenario, { options: [option], requests: 2000, fidelity: 'preview' }).options,
      );
    const cloud = run('cloud');
    const cascade = run('glasses-cascade');
    const onGlasses = run('on-glasses');
    expect(run('glasses-cascade')).toBe(cascade);
    expect(run('cloud')).toBe(cloud);
    expect(run('on-glasses')).toBe(onGlasses);
    expect(run('cloud')).toBe(cloud);
  });
});
