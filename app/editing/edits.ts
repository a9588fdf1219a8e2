// Edits of a scenario draft, each a pure function from one draft to the next (undo keeps the
// old one). Renaming an id updates every reference to it, so a rename never breaks a scenario.
import { HARDWARE_LIBRARY } from '../../simulator/scenario/hardware-library';
import type { ComponentKind } from '../../simulator/scenario/schema';
import { type IdentifiedItem, type ItemSection, type ScenarioDraft, sectionItems } from './draft';

export type FieldPath = readonly (string | number)[];

/** The hardware a new component of each kind starts with, and the one proposed when a component changes kind. */
export const DEFAULT_HARDWARE: Readonly<Record<ComponentKind, string>> = {
  camera: 'raspberry-pi-5',
  wearable: 'smart-glasses-soc',
  phone: 'phone-midrange',
  edge: 'jetson-orin-nano',
  cloud: 'aws-c7i-xlarge',
  serverless: 'aws-lambda-2gb',
};

function clone(draft: ScenarioDraft): ScenarioDraft {
  return structuredClone(draft);
}

export function uniqueId(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

// Keys of a draft's mappings are the user's ids: an id such as `__proto__` or `constructor` is
// only ever the mapping's own entry, read and written as such, never a built-in property.
function own(node: Record<string | number, unknown>, key: string | number): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

function put(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  if (Array.isArray(node)) node[key as number] = value;
  else Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

function setIn(target: Record<string | number, unknown>, path: FieldPath, value: unknown): void {
  let node = target;
  for (const [depth, key] of path.slice(0, -1).entries()) {
    const inner = own(node, key);
    if (typeof inner !== 'object' || inner === null) put(node, key, typeof path[depth + 1] === 'number' ? [] : {});
    node = own(node, key) as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else put(node, last, value);
}

export function getIn(source: unknown, path: FieldPath): unknown {
  let node = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = own(node as Record<string | number, unknown>, key);
  }
  return node;
}

/** Sets (or, with undefined, removes) a field of the draft. `path` starts at the draft's root. */
export function setField(draft: ScenarioDraft, path: FieldPath, value: unknown): ScenarioDraft {
  const next = clone(draft);
  setIn(next as unknown as Record<string, unknown>, path, value);
  return next;
}

export function addComponent(draft: ScenarioDraft, kind: ComponentKind = 'edge'): ScenarioDraft {
  const next = clone(draft);
  const id = uniqueId(
    next.components.map((component) => component.id),
    kind,
  );
  const hardware =
    DEFAULT_HARDWARE[kind] in HARDWARE_LIBRARY ? DEFAULT_HARDWARE[kind] : Object.keys(HARDWARE_LIBRARY)[0];
  next.components.push({ id, kind, hardware });
  return next;
}

/** A new link from `from` to the first other component (the user then picks its ends). */
export function addLink(draft: ScenarioDraft, from?: string): ScenarioDraft {
  const next = clone(draft);
  const ids = next.components.map((component) => component.id);
  const a = from ?? ids[ids.length - 1];
  const b = ids.find((id) => id !== a) ?? a;
  const links = next.links ?? [];
  const taken = links.map((link) => link.id);
  const base = `${a}-${b}`;
  links.push({ id: taken.includes(base) ? uniqueId(taken, base) : base, between: [a, b], tech: 'wifi' });
  next.links = links;
  return next;
}

export function addModel(draft: ScenarioDraft): ScenarioDraft {
  const next = clone(draft);
  const models = next.models ?? [];
  models.push({
    id: uniqueId(
      models.map((model) => model.id),
      'model',
    ),
    size_mb: 10,
    gflop: 1,
  });
  next.models = models;
  return next;
}

/** A new compute step at the end of the pipeline, pinned at the sink so that every option stays placed. */
export function addStep(draft: ScenarioDraft): ScenarioDraft {
  const next = clone(draft);
  const at = next.workload.sink ?? next.workload.source;
  next.pipeline.push({
    id: uniqueId(
      next.pipeline.map((step) => step.id),
      'step',
    ),
    at,
    compute_ms: 1,
    output_kb: 1,
  });
  return next;
}

/** A new option that copies the placements of the last one. */
export function addOption(draft: ScenarioDraft): ScenarioDraft {
  const next = clone(draft);
  const last = next.options[next.options.length - 1];
  next.options.push({
    id: uniqueId(
      next.options.map((option) => option.id),
      'option',
    ),
    place: { ...(last?.place ?? {}) },
  });
  return next;
}

export function removeItem(draft: ScenarioDraft, section: ItemSection, index: number): ScenarioDraft {
  const next = clone(draft);
  const items = sectionItems(next, section);
  const [removed] = items.splice(index, 1);
  if (removed && section === 'components') {
    next.links = (next.links ?? []).filter((link) => !link.between.includes(removed.id));
    removeLayoutEntry(next, removed.id);
  }
  if (removed && section === 'pipeline') {
    for (const option of next.options) {
      if (option.place) delete option.place[removed.id];
      if (option.fallback) delete option.fallback[removed.id];
      if (option.cache) delete option.cache[removed.id];
      if (option.models) delete option.models[removed.id];
      if (option.cascade) delete option.cascade[removed.id];
    }
  }
  if (removed && section === 'options' && next.decision === removed.id) delete next.decision;
  return next;
}

/** Drops a component's canvas position; an empty layout block goes too (automatic layout again). */
function removeLayoutEntry(draft: ScenarioDraft, componentId: string): void {
  if (!draft.layout || !Object.hasOwn(draft.layout, componentId)) return;
  delete draft.layout[componentId];
  if (Object.keys(draft.layout).length === 0) delete draft.layout;
}

function renameKey<T>(record: Record<string, T> | undefined, from: string, to: string): void {
  if (!record || !Object.hasOwn(record, from)) return;
  const entries = Object.entries(record).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(record)) delete record[key];
  for (const [key, value] of entries) put(record, key, value);
}

function renameReferences(draft: ScenarioDraft, section: ItemSection, from: string, to: string): void {
  const swap = (value: string) => (value === from ? to : value);
  if (section === 'components') {
    for (const link of draft.links ?? []) link.between = [swap(link.between[0]), swap(link.between[1])];
    draft.workload.source = swap(draft.workload.source);
    if (draft.workload.sink !== undefined) draft.workload.sink = swap(draft.workload.sink);
    for (const step of draft.pipeline) if (step.at !== undefined) step.at = swap(step.at);
    for (const option of draft.options) {
      for (const key of Object.keys(option.place ?? {})) option.place![key] = swap(option.place![key]);
      for (const fallback of Object.values(option.fallback ?? {})) fallback.at = swap(fallback.at);
      for (const cache of Object.values(option.cache ?? {})) cache.at = swap(cache.at);
      for (const cascade of Object.values(option.cascade ?? {})) cascade.at = swap(cascade.at);
      if (option.telemetry) option.telemetry.to = swap(option.telemetry.to);
    }
    renameKey(draft.layout, from, to);
  }
  if (section === 'models') {
    for (const step of draft.pipeline) if (step.model !== undefined) step.model = swap(step.model);
    for (const option of draft.options) {
      for (const fallback of Object.values(option.fallback ?? {})) {
        if (fallback.model !== undefined) fallback.model = swap(fallback.model);
      }
      for (const key of Object.keys(option.models ?? {})) option.models![key] = swap(option.models![key]);
      for (const cascade of Object.values(option.cascade ?? {})) cascade.model = swap(cascade.model);
    }
  }
  if (section === 'pipeline') {
    for (const option of draft.options) {
      renameKey(option.place, from, to);
      renameKey(option.fallback, from, to);
      renameKey(option.cache, from, to);
      renameKey(option.models, from, to);
      renameKey(option.cascade, from, to);
    }
  }
  if (section === 'options' && draft.decision !== undefined) draft.decision = swap(draft.decision);
}

const ITEM_NOUNS: Record<ItemSection, string> = {
  components: 'component',
  links: 'link',
  models: 'model',
  pipeline: 'step',
  options: 'option',
};

/**
 * Why an item cannot take the id `to`: another item of its section has it (renaming onto it
 * would merge the two: every reference would then point at the other one).
 */
export function renameConflict(
  draft: ScenarioDraft,
  section: ItemSection,
  index: number,
  to: string,
): string | undefined {
  const taken = sectionItems(draft, section).some((item, other) => other !== index && item.id === to);
  return taken ? `another ${ITEM_NOUNS[section]} is already called '${to}'` : undefined;
}

/** Renames an item and every reference to it; a rename onto another item's id is not applied. */
export function renameItem(draft: ScenarioDraft, section: ItemSection, index: number, to: string): ScenarioDraft {
  const next = clone(draft);
  const item: IdentifiedItem | undefined = sectionItems(next, section)[index];
  if (!item || item.id === to || renameConflict(draft, section, index, to)) return draft;
  const from = item.id;
  item.id = to;
  renameReferences(next, section, from, to);
  return next;
}

/** A new custom hardware profile, to be filled in from a datasheet or a benchmark. */
export function addHardwareProfile(draft: ScenarioDraft): ScenarioDraft {
  const next = clone(draft);
  const hardware = next.hardware ?? {};
  hardware[uniqueId(Object.keys(hardware), 'profile')] = { label: 'Custom profile', cores: 4, gflops: 10 };
  next.hardware = hardware;
  return next;
}

export function removeHardwareProfile(draft: ScenarioDraft, id: string): ScenarioDraft {
  const next = clone(draft);
  if (next.hardware) delete next.hardware[id];
  return next;
}

/** Why a custom profile cannot take the id `to`: another profile, custom or built-in, has it. */
export function hardwareRenameConflict(draft: ScenarioDraft, from: string, to: string): string | undefined {
  if (from === to) return undefined;
  if (draft.hardware && Object.hasOwn(draft.hardware, to)) return `another hardware profile is already called '${to}'`;
  if (Object.hasOwn(HARDWARE_LIBRARY, to)) return `'${to}' is a built-in hardware profile: choose another id`;
  return undefined;
}

/** Renames a custom profile and the components and measurements that refer to it; never onto another profile's id. */
export function renameHardwareProfile(draft: ScenarioDraft, from: string, to: string): ScenarioDraft {
  if (from === to || !draft.hardware || !(from in draft.hardware) || hardwareRenameConflict(draft, from, to))
    return draft;
  const next = clone(draft);
  renameKey(next.hardware, from, to);
  for (const component of next.components) if (component.hardware === from) component.hardware = to;
  for (const model of next.models ?? []) if (model.latency_ms?.on === from) model.latency_ms.on = to;
  return next;
}
