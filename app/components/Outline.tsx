// The navigable list of everything in the scenario, with add and remove per section.
import { usePlacewise } from '../context';
import {
  ITEM_SECTIONS,
  type ItemSection,
  type ScenarioDraft,
  SECTION_TITLES,
  SINGLE_SECTIONS,
  sectionItems,
} from '../editing/draft';
import {
  addComponent,
  addHardwareProfile,
  addLink,
  addModel,
  addOption,
  addStep,
  removeHardwareProfile,
  removeItem,
} from '../editing/edits';

const ADDERS: Record<ItemSection, (draft: ScenarioDraft) => ScenarioDraft> = {
  components: (draft) => addComponent(draft),
  links: (draft) => addLink(draft),
  models: addModel,
  pipeline: addStep,
  options: addOption,
};

interface OutlineEntry {
  /** Unique among the section's entries (ids may repeat while the user edits). */
  key: string;
  id: string;
  selected: boolean;
  invalid: boolean;
  onSelect(): void;
  onRemove(): void;
}

function OutlineSection({
  name,
  title,
  entries,
  onAdd,
}: {
  name: string;
  title: string;
  entries: OutlineEntry[];
  onAdd(): void;
}) {
  return (
    <div className="outline-section">
      <div className="outline-heading">
        <span>{title}</span>
        <button className="small" data-testid={`add-${name}`} title={`Add to ${title}`} onClick={onAdd}>
          +
        </button>
      </div>
      {entries.map((entry) => (
        <div key={entry.key} className="outline-row">
          <button
            className={`outline-item${entry.selected ? ' selected' : ''}${entry.invalid ? ' invalid' : ''}`}
            data-testid={`outline-${name}-${entry.id}`}
            onClick={entry.onSelect}
          >
            {entry.id}
          </button>
          {entry.selected ? (
            <button
              className="small"
              data-testid={`remove-${name}-${entry.id}`}
              title="Remove"
              onClick={entry.onRemove}
            >
              ×
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

export function Outline() {
  const draft = usePlacewise((state) => state.draft);
  const selection = usePlacewise((state) => state.selection);
  const errors = usePlacewise((state) => state.errors);
  const edit = usePlacewise((state) => state.edit);
  const select = usePlacewise((state) => state.select);
  if (!draft) return null;

  const hasError = (prefix: string) =>
    errors.some(
      (error) => error.path === prefix || error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`),
    );
  const remove = (change: (current: ScenarioDraft) => ScenarioDraft) => {
    select(null);
    edit(change);
  };
  const hardwareIds = Object.keys(draft.hardware ?? {});

  return (
    <nav className="outline" aria-label="Scenario outline">
      {SINGLE_SECTIONS.map((section) => (
        <button
          key={section}
          className={`outline-item${(selection?.section ?? 'scenario') === section ? ' selected' : ''}${hasError(section) ? ' invalid' : ''}`}
          data-testid={`outline-${section}`}
          onClick={() => select({ section })}
        >
          {SECTION_TITLES[section]}
        </button>
      ))}
      {ITEM_SECTIONS.map((section) => (
        <OutlineSection
          key={section}
          name={section}
          title={SECTION_TITLES[section]}
          onAdd={() => {
            const next = ADDERS[section](draft);
            edit(() => next);
            select({ section, index: sectionItems(next, section).length - 1 });
          }}
          entries={sectionItems(draft, section).map((item, index) => ({
            key: `${item.id}-${index}`,
            id: item.id,
            selected: selection?.section === section && 'index' in selection && selection.index === index,
            invalid: hasError(`${section}[${index}]`),
            onSelect: () => select({ section, index }),
            onRemove: () => remove((current) => removeItem(current, section, index)),
          }))}
        />
      ))}
      <OutlineSection
        name="hardware"
        title={SECTION_TITLES.hardware}
        onAdd={() => {
          const next = addHardwareProfile(draft);
          edit(() => next);
          select({
            section: 'hardware',
            id: Object.keys(next.hardware ?? {}).find((id) => !hardwareIds.includes(id))!,
          });
        }}
        entries={hardwareIds.map((id) => ({
          key: id,
          id,
          selected: selection !== null && 'id' in selection && selection.id === id,
          invalid: hasError(`hardware.${id}`),
          onSelect: () => select({ section: 'hardware', id }),
          onRemove: () => remove((current) => removeHardwareProfile(current, id)),
        }))}
      />
    </nav>
  );
}
