// A scenario's SHA-256 (results' `scenario_sha256`) is computed in JavaScript, not by node:crypto
// (which costs every run its loading): it must be the digest tools outside recompute with
// `sha256sum` or node:crypto, for text as the CLI and the app hold it and for raw bytes.
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { scenarioSha256 } from '../../../electron/host/provenance';

const reference = (input: string | Uint8Array) => createHash('sha256').update(input).digest('hex');

test.each([
  ['empty text', ''],
  ['one block less a byte (55 bytes, the padding edge)', 'x'.repeat(55)],
  ['exactly one block', 'x'.repeat(64)],
  ['several megabytes', 'name: a\n'.repeat(400_000)],
  ['non-ASCII text, as UTF-8', 'name: Übersetzung — 翻訳 🚀\n'],
  ['a lone surrogate, which both encode as U+FFFD', 'name: \ud800 end'],
])('%s', (_label, text) => {
  expect(scenarioSha256(text)).toBe(reference(text));
});

test('raw bytes are hashed as they are, not decoded', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 37) % 256);
  expect(scenarioSha256(bytes)).toBe(reference(bytes));
});
