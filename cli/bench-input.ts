// The bench library's input errors already name the file and the problem: for the CLI they are
// bad input (exit 2) like any other.
import { BenchInputError } from '../bench';
import { UsageError } from './usage-error';

export async function benchInputAsUsage(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw error instanceof BenchInputError ? new UsageError(error.message) : error;
  }
}
