import { describe, expect, it } from 'vitest';
import { parseBenchReport, readBenchReport } from '../../../bench/report/read-report';
import { writeBytes } from './onnx-builder';
import { benchResult, piReport } from './report-fixture';

describe('parseBenchReport', () => {
  it('reads a results file and keeps fields it does not know', () => {
    const text = JSON.stringify({ ...piReport([benchResult({})]), note: 'measured on battery' });
    const report = parseBenchReport(text, 'pi.json');
    expect(report.host.cores).toBe(4);
    expect((report as unknown as { note: string }).note).toBe('measured on battery');
  });

  it('falls back to the model total when a result has no gflop of its own', () => {
    const { gflop: _, ...bare } = benchResult({});
    const report = parseBenchReport(JSON.stringify(piReport([bare as never])), 'pi.json');
    expect(report.results[0].gflop).toBe(4.8);
  });

  it('names the file and the missing field', () => {
    const report = piReport([benchResult({})]) as unknown as Record<string, unknown>;
    delete report.host;
    expect(() => parseBenchReport(JSON.stringify(report), 'pi.json')).toThrow(
      /^pi\.json: not a placewise bench results file: host: /,
    );
    expect(() => parseBenchReport(JSON.stringify(piReport([])), 'pi.json')).toThrow('results: has no results');
    expect(() => parseBenchReport('{"model": ', 'pi.json')).toThrow(/^pi\.json: not a JSON results file/);
  });

  it('says when the file is missing', () => {
    expect(() => readBenchReport('/nonexistent/results.json')).toThrow('/nonexistent/results.json: no such file');
    expect(readBenchReport(writeBytes('ok.json', JSON.stringify(piReport([benchResult({})])))).mode).toBe(
      'single-stream',
    );
  });
});
