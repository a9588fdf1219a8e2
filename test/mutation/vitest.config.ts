import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import unit from '../../vitest.config';

// The unit configuration as Stryker runs it (stryker.config.mjs): test files quickest first, by
// the durations vitest cached from earlier runs. A mutant's run stops at its first failing test,
// so a mutant that a quick, exact test kills is not first made to wait for the long statistical
// runs (Vitest's own order, longest first, suits parallel workers; Stryker gives each one file
// at a time).
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const duration = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`)
        ?.duration ?? Number.POSITIVE_INFINITY;
    return [...files].sort((a, b) => duration(a) - duration(b));
  }
}

// Instrumented code runs several times slower, and far slower while the first run records which
// test reaches which mutant: a simulation test gets ten minutes (Stryker's own timeout catches a
// mutant that loops).
export default mergeConfig(
  unit,
  defineConfig({ test: { sequence: { sequencer: QuickestFirst }, testTimeout: 600_000, hookTimeout: 600_000 } }),
);
