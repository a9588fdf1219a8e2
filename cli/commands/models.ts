// `placewise models`: the bundled real models, with what a scenario or a benchmark needs to know.
import type { Command } from 'commander';
import pc from 'picocolors';
import type { Dimension } from '../../bench';
import { listBundledModels } from '../../bench';

const formatShape = (shape: Dimension[]) => `[${shape.join(', ')}]`;

export function registerModels(program: Command, _setExit: (code: number) => void): void {
  program
    .command('models')
    .description('list the bundled models (use them as bundled:NAME in bench and in scenarios)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const models = listBundledModels();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(models, null, 2)}\n`);
        return;
      }
      for (const model of models) {
        const params = `${(model.params / 1e6).toFixed(2)}M params`;
        process.stdout.write(`${pc.bold(model.reference)}  ${model.label}\n`);
        process.stdout.write(`  ${model.size_mb} MB, ${params}, from ${model.package}\n`);
        process.stdout.write(`  file ${model.file}\n`);
        for (const input of model.inputs) {
          const defaults = model.default_shapes[input.name];
          const fill = defaults ? ` (bench default [${defaults.join(', ')}])` : '';
          process.stdout.write(`  input  ${input.name}: ${input.type} ${formatShape(input.shape)}${fill}\n`);
        }
        for (const output of model.outputs) {
          process.stdout.write(`  output ${output.name}: ${output.type} ${formatShape(output.shape)}\n`);
        }
      }
    });
}
