import { describe, expect, test } from 'vitest';
import {
  addComponent,
  addHardwareProfile,
  addLink,
  addOption,
  addStep,
  hardwareRenameConflict,
  removeHardwareProfile,
  removeItem,
  renameHardwareProfile,
  renameConflict,
  renameItem,
  setField,
} from '../../../app/editing/edits';
import { proposeHardware } from '../../../app/editing/hardware-proposal';
import { validateScenario } from '../../../simulator/scenario/load';
import { twoTierDraft } from './scenario-draft';

describe('scenario edits', () => {
  test('an edit returns a new draft and leaves the old one as it was', () => {
    const before = twoTierDraft();
    const after = setField(before, ['links', 0, 'mbps'], 3);
    expect(after.links?.[0].mbps).toBe(3);
    expect(before.links?.[0].mbps).toBe(10);
  });

  test('setting a field to undefined removes it', () => {
    const after = setField(twoTierDraft(), ['links', 0, 'mbps'], undefined);
    expect(after.links?.[0]).not.toHaveProperty('mbps');
  });

  test('renaming a component updates every reference', () => {
    const after = renameItem(twoTierDraft(), 'components', 1, 'datacenter');
    expect(after.links?.[0].between).toEqual(['camera', 'datacenter']);
    expect(after.options[1].place?.detect).toBe('datacenter');
    expect(validateScenario(after).ok).toBe(true);
    const camera = renameItem(twoTierDraft(), 'components', 0, 'cam');
    expect(camera.workload.source).toBe('cam');
    expect(camera.pipeline[0].at).toBe('cam');
    expect(camera.options[1].fallback?.detect.at).toBe('cam');
    expect(validateScenario(camera).ok).toBe(true);
  });

  test('renaming a step, a model and an option updates their references', () => {
    let draft = renameItem(twoTierDraft(), 'pipeline', 1, 'find');
    draft = renameItem(draft, 'models', 0, 'yolo');
    draft = renameItem(draft, 'options', 1, 'cloudy');
    expect(draft.options[1].place).toEqual({ find: 'cloud' });
    expect(Object.keys(draft.options[1].fallback ?? {})).toEqual(['find']);
    expect(draft.pipeline[1].model).toBe('yolo');
    expect(draft.decision).toBe('cloudy');
    expect(validateScenario(draft).ok).toBe(true);
  });

  test("renames and removals reach an option's own models and cascades", () => {
    let draft = twoTierDraft();
    draft.models!.push({ id: 'big', size_mb: 100, gflop: 20 });
    draft.options[0].models = { detect: 'detector' };
    draft.options[0].cascade = { detect: { model: 'big', at: 'cloud', escalate_rate: 0.1 } };
    draft = renameItem(draft, 'pipeline', 1, 'find');
    draft = renameItem(draft, 'models', 0, 'yolo');
    draft = renameItem(draft, 'models', 1, 'huge');
    draft = renameItem(draft, 'components', 1, 'datacenter');
    expect(draft.options[0].models).toEqual({ find: 'yolo' });
    expect(draft.options[0].cascade).toEqual({ find: { model: 'huge', at: 'datacenter', escalate_rate: 0.1 } });
    expect(validateScenario(draft).ok).toBe(true);
    const withoutStep = removeItem(draft, 'pipeline', 1);
    expect(withoutStep.options[0].models).toEqual({});
    expect(withoutStep.options[0].cascade).toEqual({});
  });

  test('added items have fresh ids and keep the scenario valid', () => {
    let draft = addComponent(twoTierDraft(), 'edge');
    draft = addComponent(draft, 'edge');
    expect(draft.components.map((component) => component.id)).toEqual(['camera', 'cloud', 'edge-1', 'edge-2']);
    draft = addLink(draft, 'edge-1');
    expect(draft.links?.[1]).toMatchObject({ id: 'edge-1-camera', between: ['edge-1', 'camera'] });
    draft = addStep(addOption(draft));
    expect(draft.options[2]).toMatchObject({ id: 'option-1', place: { detect: 'cloud' } });
    expect(validateScenario(draft).ok).toBe(true);
  });

  test('removing a component drops its links; removing a step drops its placements', () => {
    const withoutCloud = removeItem(twoTierDraft(), 'components', 1);
    expect(withoutCloud.links).toEqual([]);
    const withoutDetect = removeItem(twoTierDraft(), 'pipeline', 1);
    expect(withoutDetect.options[1].place).toEqual({});
    expect(withoutDetect.options[1].fallback).toEqual({});
    const withoutDecision = removeItem(twoTierDraft(), 'options', 1);
    expect(withoutDecision.decision).toBeUndefined();
  });

  test('renaming or removing a component keeps the canvas layout keyed by the components that exist', () => {
    const laidOut = setField(twoTierDraft(), ['layout'], { camera: { x: 0, y: 0 }, cloud: { x: 400, y: 20 } });
    const renamed = renameItem(laidOut, 'components', 1, 'datacenter');
    expect(renamed.layout).toEqual({ camera: { x: 0, y: 0 }, datacenter: { x: 400, y: 20 } });
    expect(validateScenario(renamed).ok).toBe(true);
    const removed = removeItem(renamed, 'components', 1);
    expect(removed.layout).toEqual({ camera: { x: 0, y: 0 } });
    // With no position left the block goes, and the canvas lays the components out itself.
    expect(removeItem(removed, 'components', 0)).not.toHaveProperty('layout');
  });

  test('a layout entry for a component that does not exist is an error at its path', () => {
    const stale = setField(twoTierDraft(), ['layout', 'gone'], { x: 1, y: 2 });
    const result = validateScenario(stale);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual(['layout.gone']);
  });
});

describe('custom hardware profiles', () => {
  test('a new profile is valid and unique', () => {
    const draft = addHardwareProfile(addHardwareProfile(twoTierDraft()));
    expect(Object.keys(draft.hardware ?? {})).toEqual(['profile-1', 'profile-2']);
    expect(validateScenario(draft).ok).toBe(true);
  });

  test('renaming a profile updates the components and measurements that use it', () => {
    let draft = addHardwareProfile(twoTierDraft());
    draft = setField(draft, ['components', 0, 'hardware'], 'profile-1');
    draft = setField(draft, ['models', 0, 'latency_ms'], { p50: 5, on: 'profile-1' });
    draft = renameHardwareProfile(draft, 'profile-1', 'pi-measured');
    expect(Object.keys(draft.hardware ?? {})).toEqual(['pi-measured']);
    expect(draft.components[0].hardware).toBe('pi-measured');
    expect(draft.models?.[0].latency_ms?.on).toBe('pi-measured');
    expect(validateScenario(draft).ok).toBe(true);
    expect(removeHardwareProfile(draft, 'pi-measured').hardware).toEqual({});
  });
});

describe('renaming onto an id that is taken', () => {
  test('is refused in every section, leaving the draft and its references as they were', () => {
    const draft = addLink(addOption(addStep(addComponent(twoTierDraft(), 'phone'))));
    const cases = [
      ['components', 0, 'cloud', "another component is already called 'cloud'"],
      ['links', 1, 'uplink', "another link is already called 'uplink'"],
      ['pipeline', 2, 'detect', "another step is already called 'detect'"],
      ['options', 2, 'local', "another option is already called 'local'"],
    ] as const;
    for (const [section, index, to, message] of cases) {
      expect(renameConflict(draft, section, index, to)).toBe(message);
      expect(renameItem(draft, section, index, to)).toBe(draft);
    }
    const twoModels = setField(draft, ['models', 1], { id: 'tiny', size_mb: 1, gflop: 0.1 });
    expect(renameConflict(twoModels, 'models', 1, 'detector')).toBe("another model is already called 'detector'");
    expect(renameItem(twoModels, 'models', 1, 'detector')).toBe(twoModels);
  });

  test('renaming phone to watch and back, with a watch already there, changes nothing', () => {
    let draft = addComponent(addComponent(twoTierDraft(), 'phone'), 'wearable');
    draft = setField(draft, ['workload', 'source'], 'phone-1');
    draft = renameItem(addLink(draft, 'wearable-1'), 'components', 3, 'watch');
    expect(draft.links?.[1].between).toEqual(['watch', 'camera']);
    const back = renameItem(renameItem(draft, 'components', 2, 'watch'), 'components', 2, 'phone-1');
    expect(back).toEqual(draft);
  });

  test('an id is free for the item that already has it, and a fresh id is allowed', () => {
    expect(renameConflict(twoTierDraft(), 'components', 0, 'camera')).toBeUndefined();
    expect(renameConflict(twoTierDraft(), 'components', 0, 'doorbell')).toBeUndefined();
  });

  test('a custom hardware profile cannot take another profile id, custom or built-in', () => {
    const draft = addHardwareProfile(addHardwareProfile(twoTierDraft()));
    expect(hardwareRenameConflict(draft, 'profile-1', 'profile-2')).toBe(
      "another hardware profile is already called 'profile-2'",
    );
    expect(renameHardwareProfile(draft, 'profile-1', 'profile-2')).toBe(draft);
    expect(hardwareRenameConflict(draft, 'profile-1', 'raspberry-pi-5')).toBe(
      "'raspberry-pi-5' is a built-in hardware profile: choose another id",
    );
    expect(renameHardwareProfile(draft, 'profile-1', 'raspberry-pi-5')).toBe(draft);
    expect(hardwareRenameConflict(draft, 'profile-1', 'bench-box')).toBeUndefined();
  });
});

describe('a change of kind', () => {
  test("proposes the new kind's default hardware, unless it already has it", () => {
    const before = twoTierDraft();
    const after = setField(before, ['components', 0, 'kind'], 'cloud');
    expect(proposeHardware(before, after)).toMatchObject({
      index: 0,
      componentId: 'camera',
      kind: 'cloud',
      current: 'raspberry-pi-5',
      proposed: 'aws-c7i-xlarge',
    });
    const serverAlready = setField(before, ['components', 0, 'hardware'], 'aws-c7i-xlarge');
    expect(proposeHardware(serverAlready, setField(serverAlready, ['components', 0, 'kind'], 'cloud'))).toBeNull();
    expect(proposeHardware(before, setField(before, ['links', 0, 'mbps'], 3))).toBeNull();
    const renamedToo = renameItem(after, 'components', 0, 'server');
    expect(proposeHardware(after, renamedToo)).toBeNull();
  });
});
