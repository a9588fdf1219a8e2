// The same treatment for the other inputs (issue 16, point 5): `placewise bench` on model files
// that are not models, `bench --import` of broken results files, and the app opening a file
// that is not a scenario: exit 2 (or a refusal in the app) with `FILE: problem`, readable,
// never an internal error, never a read that does not end.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createPlacewiseStore } from '../../../app/store/store';
import { FILE_SIZE_LIMITS } from '../../../bench/files/read-regular-file';
import { piReport, benchResult } from '../bench/report-fixture';
import { buildCliFirst, placewise, root, scratchFile } from '../support/placewise-cli';

buildCliFirst();

const cls = join(root, 'node_modules', '@gutenye', 'ocr-models', 'assets', 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
const twoTier = join(root, 'test', 'e2e', 'fixtures', 'two-tier.yaml');

/** Random bytes from a fixed seed (a linear congruential generator is plenty for garbage). */
function garbage(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 16;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >> 16;
  }
  return bytes;
}

/** Nine levels of nine aliases of the level below: 9^9 values once expanded. */
function aliasBomb(): string {
  const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 9; level++)
    levels.push(
      `a${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  return `${levels.join('\n')}\n`;
}

function refusedLine(args: string[], file: string): string {
  const { code, stdout, stderr } = placewise(...args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/internal error|\n {4}at /);
  expect(stderr.startsWith(`placewise: ${file}: `)).toBe(true);
  return stderr.trimEnd();
}

describe('placewise bench on files that are not models', () => {
  test.each([
    ['random bytes', () => garbage(5000), /not an ONNX model/],
    ['a truncated model', () => readFileSync(cls).subarray(0, 100_000), /truncated or corrupted/],
    ['an empty file', () => Buffer.alloc(0), /is empty, not an ONNX model/],
  ])('%s', (name, bytes, problem) => {
    const file = scratchFile(`${name.replaceAll(' ', '-')}.onnx`, '');
    writeFileSync(file, bytes());
    expect(refusedLine(['bench', file, '--iterations', '1', '--no-calibrate'], file)).toMatch(problem);
  });

  test('a device, which would never end', () => {
    expect(refusedLine(['bench', '/dev/zero', '--iterations', '1', '--no-calibrate'], '/dev/zero')).toBe(
      'placewise: /dev/zero: is a device, not a regular file: only regular files are read as a model file',
    );
  });
});

describe('placewise bench --import of broken results files', () => {
  const importing = (file: string) => ['bench', '--import', file, '--into', twoTier, '--model', 'detector'];
  const valid = () => JSON.parse(JSON.stringify(piReport([benchResult({})]))) as Record<string, unknown>;

  test('bytes that are not JSON: the parser quoted escaped and short', () => {
    const file = scratchFile('garbage.json', '');
    writeFileSync(file, Buffer.concat([Buffer.from('{"model": '), garbage(3000)]));
    const line = refusedLine(importing(file), file);
    expect(line).toMatch(/^placewise: .*garbage\.json: not a JSON results file: /);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line.length).toBeLessThan(400);
  });

  test('JSON of another shape, and an over-long number', () => {
    const shape = scratchFile('shape.json', JSON.stringify({ results: 'none' }));
    expect(refusedLine(importing(shape), shape)).toMatch(/not a placewise bench results file: model: /);
    const long = scratchFile('long.json', JSON.stringify(valid()).replace('"p50":48', `"p50":1${'0'.repeat(400)}`));
    expect(refusedLine(importing(long), long)).toMatch(
      /not a placewise bench results file: results\[0\]\.latency_ms\.p50: /,
    );
  });

  test('a file too large to be a results file, and a device', () => {
    const large = scratchFile('large.json', '');
    truncateSync(large, FILE_SIZE_LIMITS.results + 1);
    expect(refusedLine(importing(large), large)).toBe(
      `placewise: ${large}: too large for a results file (32,000,001 bytes; the limit is 32 MB)`,
    );
    expect(refusedLine(importing('/dev/zero'), '/dev/zero')).toBe(
      'placewise: /dev/zero: is a device, not a regular file: only regular files are read as a results file',
    );
  });
});

describe('the app opening a file that is not a scenario', () => {
  test.each([
    ['binary garbage', garbage(3000).toString('latin1')],
    ['an alias bomb', aliasBomb()],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ])('%s: refused with readable messages, the open work kept', (_name, text) => {
    const store = createPlacewiseStore();
    expect(store.getState().loadScenarioText('/ok.yaml', readFileSync(twoTier, 'utf8'))).toBe(true);
    expect(store.getState().loadScenarioText('/bad.yaml', text)).toBe(false);
    const { openProblem, path } = store.getState();
    expect(path).toBe('/ok.yaml');
    expect(openProblem?.messages.length).toBeGreaterThan(0);
    for (const message of openProblem?.messages ?? []) {
      expect(message).toMatch(/^\/bad\.yaml: \(file\): /);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });
});
