// The rule every input must meet (issue 16): `placewise run FILE --json` answers with results
// whose figures are numbers, or refuses the file (exit 2) with one `FILE: PATH: message` line
// per problem, readable and short; never an internal error. This checks it in-process, through
// the same calls as the command, so that hundreds of files take seconds rather than processes.
import {
  evaluateScenario,
  formatScenarioError,
  parseScenarioText,
  resultsForJson,
  RunLimitError,
} from '../../simulator';

export type Answer =
  | { kind: 'results'; json: string }
  | { kind: 'refused'; message: string }
  | { kind: 'internal error'; message: string };

/** What `placewise run FILE --json --requests N` answers for the text. */
export function answerFor(file: string, text: string, requests: number): Answer {
  try {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      return { kind: 'refused', message: parsed.errors.map((error) => formatScenarioError(file, error)).join('\n') };
    }
    return { kind: 'results', json: JSON.stringify(resultsForJson(evaluateScenario(parsed.scenario, { requests }))) };
  } catch (error) {
    if (error instanceof RunLimitError)
      return { kind: 'refused', message: formatScenarioError(file, error.scenarioError) };
    return { kind: 'internal error', message: error instanceof Error ? error.message : String(error) };
  }
}

// Fields that the results JSON documents as null in some cases (simulator/results.ts): the
// recorded decision when there is none, a share of no offline requests, accuracy when no model
// has one, a budget's value when the figure does not exist, and a saturated station's estimate.
const NULLABLE = [
  /^decision$/,
  /^recommendation$/,
  /^options\[\d+\]\.offline\.(success_rate|fallback_rate)$/,
  /^options\[\d+\]\.accuracy$/,
  /^options\[\d+\]\.budgets\[\d+\]\.value$/,
  /^options\[\d+\]\.analytic\.mean_latency_ms$/,
  /^options\[\d+\]\.analytic\.components\[\d+\]\.mean_response_ms$/,
];

const LATENCY_FIELDS = ['mean', 'p50', 'p90', 'p95', 'p99', 'max'];

function nullsIn(value: unknown, path: string, into: string[]): string[] {
  if (value === null) {
    if (!NULLABLE.some((pattern) => pattern.test(path))) into.push(path);
  } else if (Array.isArray(value)) value.forEach((item, index) => nullsIn(item, `${path}[${index}]`, into));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nullsIn(item, path === '' ? key : `${path}.${key}`, into);
  }
  return into;
}

// A readable message: no control characters but line breaks between problems, no lone
// surrogates, and each line short enough to read.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREADABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u;
const LONGEST_LINE = 1000;

/** What is wrong with an answer, by the rule; empty when it is a good answer. */
export function ruleViolations(file: string, answer: Answer): string[] {
  if (answer.kind === 'internal error') return [`internal error: ${answer.message.slice(0, 300)}`];
  if (answer.kind === 'refused') {
    return answer.message.split('\n').flatMap((line) => {
      const problems: string[] = [];
      if (!line.startsWith(`${file}: `))
        problems.push(`a line does not name the file: ${JSON.stringify(line.slice(0, 200))}`);
      if (UNREADABLE.test(line)) problems.push(`unreadable characters in ${JSON.stringify(line.slice(0, 200))}`);
      if (line.length > LONGEST_LINE) problems.push(`a line of ${line.length} characters`);
      return problems;
    });
  }
  const results = JSON.parse(answer.json) as { options: { latency_ms: Record<string, unknown>; warnings: string[] }[] };
  const problems = nullsIn(results, '', []).map((path) => `null at ${path}`);
  results.options.forEach((option, index) => {
    const present = LATENCY_FIELDS.filter((field) => field in option.latency_ms);
    if (present.length > 0 && present.length < LATENCY_FIELDS.length) {
      problems.push(`options[${index}].latency_ms has only ${present.join(', ')}`);
    }
    if (present.length === 0 && option.warnings.length === 0) {
      problems.push(`options[${index}] has no latency and no warning saying why`);
    }
  });
  return problems;
}
