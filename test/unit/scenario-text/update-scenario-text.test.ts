// Saving an edited scenario keeps the file as the user wrote it: the cases the app's edits
// produce, each checked line by line against the original.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readValue, updateScenarioText } from '../../../simulator/scenario-text/update-text';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const AR = readFileSync(join(ROOT, 'scenarios', 'ar-translation.yaml'), 'utf8');
const JSON_SCENARIO = readFileSync(join(import.meta.dirname, 'fixtures', 'indented.json'), 'utf8');

type Draft = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function edited(text: string, change: (draft: Draft) => void): string {
  const draft = parse(text) as Draft;
  change(draft);
  const written = updateScenarioText(text, draft);
  expect(readValue(written)?.value).toEqual(draft);
  return written;
}

/** The lines that differ: [removed, added], found by trimming the common head and tail. */
function changedLines(before: string, after: string): [string[], string[]] {
  const old = before.split('\n');
  const next = after.split('\n');
  let head = 0;
  while (head < old.length && old[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < next.length - head &&
    old[old.length - 1 - tail] === next[next.length - 1 - tail]
  )
    tail++;
  return [old.slice(head, old.length - tail), next.slice(head, next.length - tail)];
}

describe('updateScenarioText', () => {
  test('an edit of one number changes that number only, and the comment after it keeps its column', () => {
    const written = edited(AR, (draft) => {
      draft.hardware['glass-explorer'].gflops = 12.75;
    });
    expect(changedLines(AR, written)).toEqual([
      ['    gflops: 2.4             # estimate: 2x Cortex-A9 at 1.2 GHz (TI OMAP 4430), ~25% of NEON peak'],
      ['    gflops: 12.75           # estimate: 2x Cortex-A9 at 1.2 GHz (TI OMAP 4430), ~25% of NEON peak'],
    ]);
  });

  test('removing the second component deletes exactly its lines', () => {
    const written = edited(AR, (draft) => {
      draft.components.splice(1, 1);
    });
    expect(changedLines(AR, written)).toEqual([
      [
        '  - id: phone',
        '    kind: phone',
        '    hardware: phone-midrange',
        '    battery_wh: 17                # 4500 mAh at 3.85 V, a typical mid-range phone',
      ],
      [],
    ]);
  });

  test('reordering steps moves their lines with their comments', () => {
    const written = edited(AR, (draft) => {
      const [detect] = draft.pipeline.splice(1, 1);
      draft.pipeline.push(detect);
    });
    const [removed, added] = changedLines(AR, written);
    expect([...added].sort()).toEqual([...removed].sort());
    expect(added.slice(-3)).toEqual([
      '  - id: detect',
      '    model: ocr-det',
      '    output_kb: 12                     # text-region crops, JPEG',
    ]);
  });

  test('a number becomes a distribution and back, on its own line', () => {
    const distribution = edited(AR, (draft) => {
      draft.models[0].gflop = { uniform: [4, 5] };
    });
    const source = '# at 1x3x640x640 (placewise bench bundled:paddleocr-det, FLOP count)';
    expect(changedLines(AR, distribution)).toEqual([
      [`    gflop: 4.77                   ${source}`],
      [`    gflop: { uniform: [4, 5] }    ${source}`],
    ]);
    const constant = edited(AR, (draft) => {
      draft.links[1].latency_ms = 120;
    });
    const lte = '# LTE one-way latency, Huang et al. (MobiSys 2012)';
    expect(changedLines(AR, constant)).toEqual([
      [`    latency_ms: { lognormal: { median: 50, p95: 120 } }   ${lte}`],
      [`    latency_ms: 120                                       ${lte}`],
    ]);
  });

  test('new fields follow the style of their neighbours: outages inline, a new link as a block', () => {
    const written = edited(AR, (draft) => {
      draft.links[2].outages = { every_s: { exponential: 600 }, lasting_s: 30 };
      draft.links.push({ id: 'phone-ocr', between: ['phone', 'ocr-pool'], tech: 'wan', mbps: 50 });
    });
    expect(changedLines(AR, written)[1]).toEqual([
      '    outages: { every_s: { exponential: 600 }, lasting_s: 30 }',
      '  - id: phone-ocr',
      '    between: [phone, ocr-pool]',
      '    tech: wan',
      '    mbps: 50',
    ]);
  });

  test('a new top-level section goes where the draft puts it, separated like the others', () => {
    const written = edited(AR, (draft) => {
      draft.layout = { glasses: { x: 10, y: 20 } };
    });
    expect(written.startsWith(AR)).toBe(true);
    expect(written.slice(AR.length)).toBe('\nlayout:\n  glasses: { x: 10, y: 20 }\n');
  });

  test('removing an entry takes the comment lines written above it', () => {
    const written = edited(AR, (draft) => {
      delete draft.links[1].outages;
    });
    expect(changedLines(AR, written)).toEqual([
      [
        '    # Estimate: a user loses the cellular connection for about 90 s (30 to 150) every half hour',
        '    # (15 to 45 minutes) on the move: tunnels, lifts, basements.',
        '    outages:',
        '      every_s: { exponential: { range: [900, 2700] } }',
        '      lasting_s: { exponential: { range: [30, 150] } }',
      ],
      [],
    ]);
  });

  test('renaming a step renames its keys in place in every option', () => {
    const written = edited(AR, (draft) => {
      draft.pipeline[1].id = 'find-text';
      for (const option of draft.options) {
        option.place = Object.fromEntries(
          Object.entries(option.place).map(([step, at]) => [step === 'detect' ? 'find-text' : step, at]),
        );
      }
    });
    const [removed, added] = changedLines(AR, written);
    expect(added).toEqual(
      removed.map((line) => line.replace('id: detect', 'id: find-text').replaceAll('{ detect:', '{ find-text:')),
    );
  });

  test('values that need quotes get them, and a folded description stays folded', () => {
    const written = edited(AR, (draft) => {
      draft.name = 'AR: signs, [beta]';
      draft.description = `${draft.description} Budgets come from user interviews.`;
    });
    expect(written).toContain('name: "AR: signs, [beta]"\n');
    expect(written).toContain('description: >-\n  Street signs seen');
    expect(changedLines(AR, written)[1].slice(-2)).toEqual([
      '  whether translation keeps working when the phone loses its cellular connection. Budgets come',
      '  from user interviews.',
    ]);
  });

  test('the schema line and comments survive any edit', () => {
    const written = edited(AR, (draft) => {
      draft.workload.users = 20000;
    });
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=./placewise.schema.json');
    expect(written.match(/#/g)?.length).toBe(AR.match(/#/g)?.length);
  });

  test('JSON stays JSON with its indentation and key order', () => {
    const written = edited(JSON_SCENARIO, (draft) => {
      draft.links[0].mbps = 75;
      draft.hardware = { 'my-box': { cores: 2, gflops: 5 } };
    });
    expect(JSON.parse(written).links[0].mbps).toBe(75);
    expect(written).toMatch(/^\{\n {4}"placewise": 1,\n/);
    expect(Object.keys(JSON.parse(written)).at(-1)).toBe('hardware');
    expect(updateScenarioText(JSON_SCENARIO, parse(JSON_SCENARIO))).toBe(JSON_SCENARIO);
  });

  test('where no minimal edit is safe (an anchored value), the Document API keeps the comments', () => {
    const anchored = [
      '# shared latency',
      'placewise: 1',
      'links:',
      '  - id: a',
      '    latency_ms: &lan { uniform: [1, 2] }   # the office LAN',
      '  - id: b',
      '    latency_ms: *lan',
      '',
    ].join('\n');
    const written = edited(anchored, (draft) => {
      // A new value for the anchored node only: the alias must keep the old one.
      draft.links[0].latency_ms = { uniform: [1, 3] };
    });
    expect(written).toContain('# shared latency');
    expect(written).toContain('# the office LAN');
    expect((parse(written) as Draft).links[1].latency_ms).toEqual({ uniform: [1, 2] });
  });
});
