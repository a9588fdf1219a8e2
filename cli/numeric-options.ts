// Parsers for numeric command-line options; a bad value is bad input (exit 2).
import { InvalidArgumentError } from 'commander';
import { UsageError } from './usage-error';

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

export function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return number;
}

/** An optional number given as text; anything else is bad input naming the option. */
export function optionalNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${option}: '${text}' is not a number`);
  return value;
}

/** A measured figure with the digits that matter: 123, 12.3, 1.23. */
export const fixed = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
