// The bucketed sort of a run's latencies gives what the built-in sort gives, bit for bit,
// whatever the values: spread, bunched in one bucket, tied, zero, tiny, or not sortable by
// their bits (negative, -0, infinite, NaN), which are left to the built-in sort.
import { describe, expect, it } from 'vitest';
import { sortedCopy } from '../../../simulator/evaluate/sorted-copy';
import { RandomStream } from '../../../simulator/random/random-stream';

const builtIn = (values: Float64Array) => values.slice().sort();

function valuesOf(n: number, name: string, draw: (random: RandomStream, index: number) => number): Float64Array {
  const random = new RandomStream(n, name);
  return Float64Array.from({ length: n }, (_, index) => draw(random, index));
}

// Object.is tells -0 from 0, and NaN from everything but NaN.
const bitForBit = (values: Float64Array) => Array.from(values, (value) => (Object.is(value, -0) ? '-0' : value));

describe('a sorted copy of latencies', () => {
  const kinds: Record<string, (random: RandomStream, index: number) => number> = {
    spread: (random) => random.exponential(1000),
    bunched: (random) => 1000 + random.next() * 1e-9,
    'tied and zero': (random, index) => (index % 7 === 0 ? 0 : Math.floor(random.next() * 20)),
    'tiny and huge': (random, index) => (index % 2 === 0 ? random.next() * 1e-300 : random.next() * 1e300),
    'one bucket beside a spread': (random, index) =>
      index % 3 === 0 ? 500 + random.next() * 1e-12 : random.exponential(10),
  };

  it('is the built-in sort bit for bit, leaving the values as they were', () => {
    for (const [name, draw] of Object.entries(kinds)) {
      for (const n of [0, 1, 10, 63, 64, 65, 250, 2000, 5000]) {
        const values = valuesOf(n, name, draw);
        const before = values.slice();
        expect([name, n, bitForBit(sortedCopy(values))]).toEqual([name, n, bitForBit(builtIn(values))]);
        expect(values).toEqual(before);
      }
    }
  });

  it('leaves negative, -0, infinite and NaN values to the built-in sort', () => {
    for (const special of [-1, -0, Infinity, Number.NaN]) {
      const values = valuesOf(300, 'special', (random, index) => (index === 150 ? special : random.exponential(5)));
      const before = bitForBit(values);
      expect(bitForBit(sortedCopy(values))).toEqual(bitForBit(builtIn(values)));
      expect(bitForBit(values)).toEqual(before);
    }
  });

  it('sorts a view of part of a larger array by the part alone', () => {
    const whole = valuesOf(1000, 'view', (random) => random.exponential(50));
    const part = whole.subarray(200, 700);
    expect(bitForBit(sortedCopy(part))).toEqual(bitForBit(builtIn(part)));
  });
});
