import { describe, expect, it } from 'vitest';
import { sequenceMermaid } from '../../../simulator/export/sequence-mermaid';
import { arScenario, fixtureScenario, loadScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';

describe('sequenceMermaid', () => {
  it('draws one typical request of the AR scenario’s decision', () => {
    const { scenario, results } = arScenario();
    expect(sequenceMermaid(scenario, results, 'hybrid-cached')).toMatchSnapshot();
  });

  it('follows the request out and back, hop by hop, to the sink', () => {
    const lines = sequenceMermaid(fixtureScenario(), AR_RESULTS, 'cloud').split('\n');
    const hops = lines.filter((line) => line.includes('->>')).map((line) => line.trim().split(':')[0]);
    expect(hops).toEqual(['c_glasses->>c_phone', 'c_phone->>c_cloud', 'c_cloud->>c_phone', 'c_phone->>c_glasses']);
  });

  it("notes a cascade's escalation over the component that runs the second model, which joins the participants", () => {
    const { scenario } = arScenario();
    const lines = sequenceMermaid(scenario, null, 'cascade').split('\n');
    // Under this option the request never travels to the cloud: only the escalation puts it there.
    expect(lines).toContain('  participant c_cloud as cloud (cloud)');
    const step = lines.findIndex((line) => line.includes('Note over c_phone: translate (nmt-small)'));
    const escalation = lines.indexOf('  Note over c_cloud: 20.0% escalate: translate runs nmt here too');
    expect(step).toBeGreaterThan(0);
    expect(escalation).toBe(step + 1);
  });

  it('times a hop as serialisation plus mean latency', () => {
    // 900 kB at 3 Mbit/s is 2400 ms; the uniform 40–200 ms latency adds 120 ms on average.
    const text = sequenceMermaid(fixtureScenario(), null, 'cloud');
    expect(text).toContain('c_glasses->>c_phone: capture output 900 kB over glasses-phone (bluetooth) · 2,520 ms');
  });

  it('consults the cache before the request travels to the cached step', () => {
    const lines = sequenceMermaid(fixtureScenario(), AR_RESULTS, 'hybrid').split('\n');
    const cache = lines.findIndex((line) => line.includes('translate cache answers 50.0%'));
    const towardsCloud = lines.findIndex((line) => line.includes('c_phone->>c_cloud'));
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(towardsCloud);
  });

  it('shows the step means and the end-to-end latency from the results', () => {
    const text = sequenceMermaid(fixtureScenario(), AR_RESULTS, 'hybrid');
    expect(text).toContain('Note over c_phone: detect (ocr-det) · mean 103 ms');
    expect(text).toContain('Note over c_glasses,c_cloud: end to end: mean 363 ms, p95 470 ms');
  });

  it('keeps awkward ids and labels from breaking the diagram', () => {
    expect(
      sequenceMermaid(loadScenario('test/unit/export/fixtures/awkward-ids.yaml'), null, 'far.away'),
    ).toMatchSnapshot();
  });
});
