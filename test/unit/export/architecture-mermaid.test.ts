import { describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../../simulator/export/architecture-mermaid';
import { UnknownOptionError } from '../../../simulator/export/option-placement';
import { arScenario, fixtureScenario, loadScenario } from './ar-scenario';
import { AR_RESULTS } from './fixtures/ar-results';

describe('architectureMermaid', () => {
  it('draws the AR scenario’s decision with its simulated figures', () => {
    const { scenario, results } = arScenario();
    expect(architectureMermaid(scenario, results, 'hybrid-cached')).toMatchSnapshot();
  });

  it('draws an option from the scenario alone before it is simulated', () => {
    const { scenario } = arScenario();
    expect(architectureMermaid(scenario, null, 'cloud')).toMatchSnapshot();
  });

  it('labels an autoscaled component with its range of replicas', () => {
    const { scenario } = arScenario();
    const scaled = {
      ...scenario,
      components: scenario.components.map((component) =>
        component.id === 'cloud'
          ? {
              ...component,
              replicas: {
                min: 2,
                max: 10,
                target_utilization: 0.5,
                scale_interval_s: 30,
                cold_start_ms: 0,
                metric: 'admitted' as const,
              },
            }
          : component,
      ),
    };
    const text = architectureMermaid(scaled, null, 'cloud');
    expect(text).toContain('2–10 × ');
    expect(text).not.toContain('[object Object]');
  });

  it('groups per-user components apart from shared ones', () => {
    const text = architectureMermaid(fixtureScenario(), null, 'hybrid');
    const perUser = text.slice(text.indexOf('subgraph scope_per_user'), text.indexOf('subgraph scope_shared'));
    expect(perUser).toContain('subgraph c_glasses');
    expect(perUser).toContain('subgraph c_phone');
    expect(perUser).not.toContain('subgraph c_cloud');
    expect(text.slice(text.indexOf('subgraph scope_shared'))).toContain('subgraph c_cloud');
  });

  it('puts each step inside the component that runs it under the option', () => {
    const text = architectureMermaid(fixtureScenario(), null, 'split');
    const inside = (component: string) => {
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line.trim().startsWith(`subgraph c_${component}[`));
      return lines
        .slice(
          start,
          lines.findIndex((line, index) => index > start && line.trim() === 'end'),
        )
        .join('\n');
    };
    expect(inside('glasses')).toContain('s_capture');
    expect(inside('glasses')).toContain('s_detect');
    expect(inside('phone')).toContain('s_recognize');
    expect(inside('cloud')).toContain('s_translate');
  });

  it("draws a cascade's second model where it runs, its escalated share, and each step's model under the option", () => {
    const { scenario } = arScenario();
    // The AR cascade: translate runs the option's nmt-small on the phone; 20% escalate to nmt in the cloud.
    const text = architectureMermaid(scenario, null, 'cascade');
    const lines = text.split('\n');
    const cloud = lines.findIndex((line) => line.trim().startsWith('subgraph c_cloud['));
    const cloudEnd = lines.findIndex((line, index) => index > cloud && line.trim() === 'end');
    const escalated = lines.findIndex((line) =>
      line.includes('cascade_translate["translate escalated<br/>model nmt"]'),
    );
    expect(escalated).toBeGreaterThan(cloud);
    expect(escalated).toBeLessThan(cloudEnd);
    expect(text).toContain('s_translate -.->|"20.0% escalate"| cascade_translate');
    expect(text).toContain('s_translate["translate · nmt-small"]');
    expect(text).toContain('classDef cascade ');
    // An option without a cascade draws none.
    expect(architectureMermaid(scenario, null, 'small-on-phone')).not.toContain('cascade_');
  });

  it('labels links with technology, latency and bandwidth', () => {
    const text = architectureMermaid(fixtureScenario(), null, 'hybrid');
    expect(text).toContain('c_glasses <-->|"glasses-phone · bluetooth<br/>40–200 ms · 3 Mbit/s"| c_phone');
    expect(text).toContain('c_phone <-->|"phone-cloud · lte<br/>50 ms median, 120 p95 · 20 Mbit/s"| c_cloud');
  });

  it('draws budget-breaking links and components in red', () => {
    // In the fixture, cloud saturates the Bluetooth link (the first link) and drains the glasses below 4 h.
    const text = architectureMermaid(fixtureScenario(), AR_RESULTS, 'cloud');
    expect(text).toContain('linkStyle 0 stroke:#c62828');
    expect(text).toContain('class c_glasses overBudget');
    expect(text).toContain('240% busy · 0 GB/month · over budget');
  });

  it('styles nothing when the option meets its budgets', () => {
    const text = architectureMermaid(fixtureScenario(), AR_RESULTS, 'hybrid');
    expect(text).not.toContain('linkStyle');
    expect(text).not.toMatch(/^ {2}class /m);
  });

  it('shows fallback and cache places', () => {
    const text = architectureMermaid(fixtureScenario(), null, 'hybrid');
    expect(text).toContain('fallback_translate["translate fallback<br/>model nmt-small"]:::fallback');
    expect(text).toContain('cache_translate[("translate cache<br/>50.0% hits")]:::cache');
  });

  it('keeps awkward ids and labels from breaking the diagram', () => {
    const text = architectureMermaid(loadScenario('test/unit/export/fixtures/awkward-ids.yaml'), null, 'far.away');
    expect(text).toMatchSnapshot();
    expect(text).not.toMatch(/subgraph end\b/);
    expect(text).toContain('The #34;end#34; #35;camera#59; #60;i#62; (camera)');
  });

  it('names the known options when asked for an unknown one', () => {
    expect(() => architectureMermaid(fixtureScenario(), null, 'nowhere')).toThrow(UnknownOptionError);
    expect(() => architectureMermaid(fixtureScenario(), null, 'nowhere')).toThrow(
      "unknown option 'nowhere' (known: on-glasses, on-phone, cloud, hybrid, split)",
    );
  });
});
