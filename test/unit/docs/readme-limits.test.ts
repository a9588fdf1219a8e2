// The README's "Limits" section states every limit a scenario has, with the value the code uses.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { READING_LIMITS, SCENARIO_LIMITS } from '../../../simulator';
import { FILE_SIZE_LIMITS } from '../../../bench/files/read-regular-file';
import { root } from '../support/placewise-cli';

const readme = readFileSync(`${root}/README.md`, 'utf8');
const section = readme.slice(readme.indexOf('### Limits'), readme.indexOf('## How the simulation works'));

const counted = (value: number) => value.toLocaleString('en-US');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A row of the limits table: its first cell starts with `what`, its second with `limit`. */
const row = (what: string, limit: string) => new RegExp(`^\\| ${escaped(what)}[^|\\n]*\\| ${escaped(limit)}`, 'm');
const exponent = (value: number) => value.toExponential().replace('e+', 'e');

test.each([
  ['characters of a file', `${counted(READING_LIMITS.characters)} characters`],
  ['values of a file', `${counted(READING_LIMITS.nodes)} values`],
  ['nesting', `nested at most ${READING_LIMITS.depth} deep`],
  ['aliases', `at most ${counted(READING_LIMITS.aliases)}`],
  ['largest figure', `finite, at most ${exponent(SCENARIO_LIMITS.largestFigure)}`],
  ['smallest positive figure', `at least ${exponent(SCENARIO_LIMITS.smallestPositive)}`],
  ['id length', row('an id', `${SCENARIO_LIMITS.idLength} characters`)],
  ['text length', `${counted(SCENARIO_LIMITS.textLength)} characters`],
  ['list length', `${counted(SCENARIO_LIMITS.listLength)} entries`],
  ['users', row('`workload.users`', counted(SCENARIO_LIMITS.users))],
  ['requests', `${counted(SCENARIO_LIMITS.requests)} per option`],
  ['users x requests', row('users x requests', exponent(SCENARIO_LIMITS.usersTimesRequests))],
  ['duration runs', `${counted(SCENARIO_LIMITS.durationRequests)} requests of all users`],
  ['shared executors', row("a shared component's executors", counted(SCENARIO_LIMITS.sharedExecutors))],
  ['device cores', row("a per-user device's cores", counted(SCENARIO_LIMITS.deviceCores))],
  ['outage periods', `at least ${SCENARIO_LIMITS.outagePeriodS * 1e6} µs on average`],
  ['scenario files', `${FILE_SIZE_LIMITS.scenario / 1e6} MB`],
  ['results files', `${FILE_SIZE_LIMITS.results / 1e6} MB`],
] as [string, string | RegExp][])('the README states the limit on %s', (_name, text) => {
  if (typeof text === 'string') expect(section).toContain(text);
  else expect(section).toMatch(text);
});
