import { describe, expect, test } from 'vitest';
import { defaultTech } from '../../../app/canvas/model/default-tech';
import { validateConnection } from '../../../app/canvas/model/validateConnection';
import { threeTierDraft } from './factories';

describe('validateConnection', () => {
  test.each([
    ['watch', 'cloud', true, ''],
    ['cloud', 'watch', true, ''],
    ['watch', 'watch', false, 'two different components'],
    ['watch', 'phone', false, 'already joined by watch-phone'],
    ['phone', 'watch', false, 'already joined by watch-phone'],
    ['watch', 'gone', false, "unknown component 'gone'"],
    [null, 'phone', false, 'joins two components'],
  ])('%s to %s: %s', (a, b, ok, reason) => {
    const verdict = validateConnection(threeTierDraft(), a, b);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });
});

describe('the technology of a new link', () => {
  test.each([
    ['wearable', 'phone', 'bluetooth'],
    ['phone', 'wearable', 'bluetooth'],
    ['phone', 'cloud', 'lte'],
    ['wearable', 'cloud', 'lte'],
    ['camera', 'phone', 'wifi'],
    ['camera', 'edge', 'wifi'],
    ['edge', 'cloud', 'wan'],
    ['cloud', 'serverless', 'ethernet'],
  ])('%s with %s: %s', (a, b, tech) => {
    expect(defaultTech(a, b)).toBe(tech);
  });
});
