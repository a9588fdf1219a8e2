import { describe, expect, test } from 'vitest';
import { type Evaluate, LatestRequestLoop } from '../../../app/simulation/latest-request';
import type { SimulationReply, SimulationRequest } from '../../../app/simulation/protocol';
import { evaluateScenario, type EvaluateSettings } from '../../../simulator/evaluate/evaluate-scenario';
import type { OptionResult, ScenarioResults } from '../../../simulator/results';
import { validateScenario } from '../../../simulator/scenario/load';
import type { Scenario } from '../../../simulator/scenario/schema';
import { twoTierDraft } from './scenario-draft';

function scenario(optionIds: string[] = ['local', 'remote']): Scenario {
  const draft = twoTierDraft();
  draft.options = optionIds.map((id, index) => ({ ...draft.options[index % 2], id }));
  draft.decision = optionIds[0];
  const parsed = validateScenario(draft);
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.scenario;
}

/** A loop over a fake simulator that records what it was asked, and a gate for its pauses between options. */
function harness() {
  const replies: SimulationReply[] = [];
  const asked: EvaluateSettings[] = [];
  let opened: (() => void) | null = null;
  const evaluate: Evaluate = (open, settings) => {
    asked.push(settings);
    const ids = settings.options ?? open.options.map((option) => option.id);
    const options = ids.map(
      (id) => settings.known?.find((result) => result.id === id) ?? ({ id, requests: 7 } as OptionResult),
    );
    return { options } as ScenarioResults;
  };
  const loop = new LatestRequestLoop(
    (reply) => replies.push(reply),
    () => new Promise<void>((resolve) => (opened = resolve)),
    evaluate,
  );
  /** Lets the loop go on past its pause, as the worker would once waiting messages are in. */
  const letIn = async () => {
    const open = opened;
    opened = null;
    open?.();
    await Promise.resolve();
    await Promise.resolve();
  };
  const paused = () => opened !== null;
  return { loop, replies, asked, letIn, paused };
}

const finals = (replies: SimulationReply[]) => replies.filter((reply) => 'ok' in reply);

describe("the simulation worker's loop", () => {
  test('simulates the shown option first and sends it on its own, then the whole from the options as they came', async () => {
    const { loop, replies, asked, letIn, paused } = harness();
    const request: SimulationRequest = {
      runId: 1,
      fidelity: 'preview',
      scenario: scenario(['a', 'b', 'c']),
      focus: 'c',
    };
    loop.receive(request);
    expect(asked.map((settings) => settings.options)).toEqual([['c']]);
    expect(replies.filter((reply) => 'focusResult' in reply)).toEqual([
      { runId: 1, fidelity: 'preview', focusResult: { id: 'c', requests: 7 } },
    ]);
    while (paused()) await letIn();
    expect(asked.map((settings) => settings.options)).toEqual([['c'], ['a'], ['b'], undefined]);
    expect(asked.at(-1)!.known!.map((result) => result.id)).toEqual(['c', 'a', 'b']);
    expect(finals(replies)).toEqual([expect.objectContaining({ runId: 1, ok: true })]);
    // Previews report no progress: they are over in a moment.
    expect(replies.some((reply) => 'progress' in reply)).toBe(false);
  });

  test('a newer request supersedes the one running at its next option: the stale one is never answered', async () => {
    const { loop, replies, asked, letIn, paused } = harness();
    const three = scenario(['a', 'b', 'c']);
    loop.receive({ runId: 1, fidelity: 'preview', scenario: three, focus: 'a' });
    loop.receive({ runId: 2, fidelity: 'preview', scenario: three, focus: 'b' });
    loop.receive({ runId: 3, fidelity: 'preview', scenario: three, focus: 'c' });
    while (paused()) await letIn();
    // Run 1 stopped after its first option; run 2 was superseded before it started.
    expect(asked.map((settings) => settings.options)).toEqual([['a'], ['c'], ['a'], ['b'], undefined]);
    expect(finals(replies)).toEqual([expect.objectContaining({ runId: 3, ok: true })]);
    expect(replies.some((reply) => 'focusResult' in reply && reply.runId === 2)).toBe(false);
  });

  test('gives the same results, option by option, as one evaluation of the whole scenario', async () => {
    const replies: SimulationReply[] = [];
    const loop = new LatestRequestLoop(
      (reply) => replies.push(reply),
      () => Promise.resolve(),
    );
    const open = scenario();
    loop.receive({ runId: 1, fidelity: 'preview', scenario: open, requests: 300, focus: 'remote' });
    await expect.poll(() => finals(replies).length).toBe(1);
    const whole = evaluateScenario(open, { fidelity: 'preview', requests: 300 });
    const [final] = finals(replies);
    expect(final.ok && JSON.stringify(final.results)).toBe(JSON.stringify(whole));
  });

  test('a failing simulation answers with its message, and the loop takes the next request', async () => {
    const replies: SimulationReply[] = [];
    let calls = 0;
    const loop = new LatestRequestLoop(
      (reply) => replies.push(reply),
      () => Promise.resolve(),
      (open, settings) => {
        calls++;
        if (calls === 1) throw new Error('no route from camera');
        return evaluateScenario(open, settings);
      },
    );
    loop.receive({ runId: 1, fidelity: 'full', scenario: scenario() });
    await expect.poll(() => finals(replies).length).toBe(1);
    expect(finals(replies)).toEqual([{ runId: 1, fidelity: 'full', ok: false, message: 'no route from camera' }]);
    loop.receive({ runId: 2, fidelity: 'full', scenario: scenario() });
    await expect.poll(() => finals(replies).length).toBe(2);
    expect(finals(replies)[1]).toMatchObject({ runId: 2, ok: true });
    // A full run counts the options done as each one starts.
    expect(replies.filter((reply) => 'progress' in reply && reply.runId === 2)).toEqual([
      { runId: 2, fidelity: 'full', progress: { done: 0, total: 2, option: 'local' } },
      { runId: 2, fidelity: 'full', progress: { done: 1, total: 2, option: 'remote' } },
    ]);
  });
});
