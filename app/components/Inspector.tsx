// The inspector: the selected item's fields with units, structured editors and inline
// validation. Every change is one edit of the draft (undoable): `setField` at the value's path,
// or a rename that updates every reference to the id.
import { formatPath, type ScenarioError } from '../../simulator/scenario/scenario-error';
import { usePlacewise } from '../context';
import { type ScenarioDraft, SECTION_TITLES, type Selection, sectionItems } from '../editing/draft';
import {
  type FieldPath,
  getIn,
  hardwareRenameConflict,
  renameConflict,
  renameHardwareProfile,
  renameItem,
  setField,
} from '../editing/edits';
import { type FieldSpec, hardwareFields, itemFields, singleFields } from '../editing/field-specs';
import { FieldInput } from './FieldInput';
import { type FieldChange, type InspectorFrame, InspectorFrameContext } from './inspector/field-context';

function basePath(selection: Selection): FieldPath {
  if ('index' in selection) return [selection.section, selection.index];
  if ('id' in selection) return ['hardware', selection.id];
  return selection.section === 'scenario' ? [] : [selection.section];
}

function fieldsOf(draft: ScenarioDraft, selection: Selection): FieldSpec[] {
  if ('index' in selection) return itemFields(draft, selection.section, selection.index);
  if ('id' in selection) return hardwareFields();
  return singleFields(draft, selection.section);
}

function titleOf(selection: Selection, item: unknown): string {
  if ('index' in selection) return `${SECTION_TITLES[selection.section]} · ${(item as { id: string }).id}`;
  if ('id' in selection) return `${SECTION_TITLES.hardware} · ${selection.id}`;
  return SECTION_TITLES[selection.section];
}

const isAtOrUnder = (path: string, prefix: string) =>
  prefix === '' || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** A field's messages: its own, and those of values inside it, prefixed with where they are. */
function fieldErrors(errors: readonly ScenarioError[], fieldPath: string): string[] {
  return errors
    .filter((error) => isAtOrUnder(error.path, fieldPath))
    .map((error) =>
      error.path === fieldPath
        ? error.message
        : `${error.path.slice(fieldPath.length).replace(/^\./, '')}: ${error.message}`,
    );
}

export function Inspector() {
  const draft = usePlacewise((state) => state.draft);
  // With nothing selected the inspector shows the scenario's own fields.
  const selection = usePlacewise((state) => state.selection) ?? { section: 'scenario' as const };
  const errors = usePlacewise((state) => state.errors);
  const edit = usePlacewise((state) => state.edit);
  const select = usePlacewise((state) => state.select);
  const base = draft ? basePath(selection) : [];

  /** Applies the changes; a rename onto an id already taken is refused with the message to show. */
  const commit = (changes: readonly FieldChange[]): string | undefined => {
    const [first] = changes;
    const renaming =
      changes.length === 1 && first.at.length === 1 && first.at[0] === 'id' && typeof first.value === 'string';
    if (renaming && draft && 'index' in selection) {
      const { section, index } = selection;
      const to = first.value as string;
      const conflict = renameConflict(draft, section, index, to);
      if (conflict) return conflict;
      edit((current) => renameItem(current, section, index, to));
    } else if (renaming && draft && 'id' in selection) {
      const to = first.value as string;
      const conflict = hardwareRenameConflict(draft, selection.id, to);
      if (conflict) return conflict;
      edit((current) => renameHardwareProfile(current, selection.id, to));
      select({ section: 'hardware', id: to });
    } else {
      edit((current) =>
        changes.reduce((next, change) => setField(next, [...base, ...change.at], change.value), current),
      );
    }
    return undefined;
  };
  const frame: InspectorFrame = { base, invalidPaths: new Set(errors.map((error) => error.path)), commit };

  if (!draft) {
    return (
      <section className="inspector" data-testid="inspector">
        <p className="hint">Select an item to edit it.</p>
      </section>
    );
  }
  const item = getIn(draft, base);
  if (item === undefined) return <section className="inspector" data-testid="inspector" />;
  const specs = fieldsOf(draft, selection);
  const itemPath = formatPath(base);
  const fieldPaths = specs.map((spec) => formatPath([...base, ...spec.path]));
  const itemErrors = errors.filter(
    (error) => isAtOrUnder(error.path, itemPath) && !fieldPaths.some((path) => isAtOrUnder(error.path, path)),
  );
  // A hardware profile's id is its key in the mapping, not a field of it.
  const fieldValue = (spec: FieldSpec) =>
    'id' in selection && spec.path[0] === 'id' ? selection.id : getIn(item, spec.path);

  return (
    <section className="inspector" data-testid="inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">{titleOf(selection, item)}</h2>
      {itemErrors.map((error) => (
        <p className="field-error" role="alert" key={`${error.path}:${error.message}`}>
          {error.path}: {error.message}
        </p>
      ))}
      <InspectorFrameContext.Provider value={frame}>
        <div className="inspector-fields">
          {specs.map((spec, index) => (
            <FieldInput
              key={`${itemPath}:${spec.path.join('.')}`}
              spec={spec}
              value={fieldValue(spec)}
              errors={fieldErrors(errors, fieldPaths[index])}
            />
          ))}
        </div>
      </InspectorFrameContext.Provider>
      {'index' in selection ? (
        <p className="hint">
          {selection.index + 1} of {sectionItems(draft, selection.section).length}{' '}
          {SECTION_TITLES[selection.section].toLowerCase()} in the scenario
        </p>
      ) : null}
    </section>
  );
}
