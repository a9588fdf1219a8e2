// Exports for the app: the scenario arrives as the text being edited, is validated and
// simulated at full fidelity here (the simulator is the only source of figures), and the
// export engine renders it. The bytes go back to the renderer, which offers them as a download.
import type { ExportRequest, ExportResult } from '../api/contract';

export async function exportScenarioText(request: ExportRequest): Promise<ExportResult> {
  const [{ parseScenarioText, formatScenarioError, evaluateScenario }, { exportScenario }] = await Promise.all([
    import('../../simulator/index'),
    import('./export/index'),
  ]);
  const parsed = parseScenarioText(request.scenarioText);
  if (!parsed.ok) {
    return { ok: false, message: parsed.errors.map((error) => formatScenarioError('scenario', error)).join('\n') };
  }
  try {
    const results = evaluateScenario(parsed.scenario);
    const file = await exportScenario({
      scenario: parsed.scenario,
      results,
      format: request.format,
      optionId: request.optionId,
      diagram: request.diagram,
    });
    return { ok: true, fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
