// The inspector: the selected item's fields with units and inline validation.
import { formatPath } from '../../simulator/scenario/scenario-error';
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

export function Inspector() {
  const draft = usePlacewise((state) => state.draft);
  // With nothing selected the inspector shows the scenario's own fields.
  const selection = usePlacewise((state) => state.selection) ?? { section: 'scenario' as const };
  const errors = usePlacewise((state) => state.errors);
  const edit = usePlacewise((state) => state.edit);
  const select = usePlacewise((state) => state.select);
  if (!draft) {
    return (
      <section className="inspector" data-testid="inspector">
        <p className="hint">Select an item to edit it.</p>
      </section>
    );
  }
  const base = basePath(selection);
  const item = getIn(draft, base);
  if (item === undefined) return <section className="inspector" data-testid="inspector" />;
  const specs = fieldsOf(draft, selection);
  const itemPath = formatPath(base);
  const fieldPaths = new Set(specs.map((spec) => formatPath([...base, ...spec.path])));
  const itemErrors = errors.filter(
    (error) =>
      (error.path === itemPath || error.path.startsWith(`${itemPath}.`) || error.path.startsWith(`${itemPath}[`)) &&
      !fieldPaths.has(error.path),
  );
  const title = titleOf(selection, item);
  // A hardware profile's id is its key in the mapping, not a field of it.
  const fieldValue = (spec: FieldSpec) =>
    'id' in selection && spec.path[0] === 'id' ? selection.id : getIn(item, spec.path);

  /** Applies a field's new value; a refused rename returns the message to show on the field. */
  const commit = (spec: FieldSpec, value: unknown): string | undefined => {
    const renaming = spec.path.length === 1 && spec.path[0] === 'id' && typeof value === 'string';
    if (renaming && 'index' in selection) {
      const { section, index } = selection;
      const conflict = renameConflict(draft, section, index, value);
      if (conflict) return conflict;
      edit((current) => renameItem(current, section, index, value));
    } else if (renaming && 'id' in selection) {
      const conflict = hardwareRenameConflict(draft, selection.id, value);
      if (conflict) return conflict;
      edit((current) => renameHardwareProfile(current, selection.id, value));
      select({ section: 'hardware', id: value });
    } else edit((current) => setField(current, [...base, ...spec.path], value));
    return undefined;
  };

  return (
    <section className="inspector" data-testid="inspector">
      <h2>{title}</h2>
      {itemErrors.map((error) => (
        <p className="field-error" role="alert" key={`${error.path}:${error.message}`}>
          {error.path}: {error.message}
        </p>
      ))}
      <div className="inspector-fields">
        {specs.map((spec) => {
          const fullPath = formatPath([...base, ...spec.path]);
          return (
            <FieldInput
              key={`${itemPath}:${spec.path.join('.')}`}
              spec={spec}
              value={fieldValue(spec)}
              error={errors.find((error) => error.path === fullPath)?.message}
              onCommit={(value) => commit(spec, value)}
            />
          );
        })}
      </div>
      {'index' in selection ? (
        <p className="hint">{sectionItems(draft, selection.section).length} in this section</p>
      ) : null}
    </section>
  );
}
