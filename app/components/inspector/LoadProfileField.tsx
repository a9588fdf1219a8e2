// The 24-hour load profile as bars: drag across the bars to draw the day (one edit when the
// pointer is released), or pick an hour and type its multiplier (which may be uncertain like any
// number). Arrow keys move a focused bar up and down by 0.1.
import { type PointerEvent, useRef, useState } from 'react';
import type { FieldPath } from '../../editing/edits';
import type { FieldSpec } from '../../editing/field-specs';
import { HOURS_PER_DAY, nominalOf, profileScale, profileValueAt, tidy, withHour } from '../../editing/value-forms';
import { fieldAttributes, useInspectorFrame } from './field-context';
import { AddOptional } from './GroupField';
import { NumberField } from './NumberField';
import { RemoveButton } from './ValueEditor';

const BAR_AREA_HEIGHT = 96;
const KEY_STEP = 0.1;

export interface LoadProfileFieldProps {
  spec: FieldSpec;
  at: FieldPath;
  value: unknown;
  label: string;
  testId?: string;
}

const hourName = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function LoadProfileField({ spec, at, value, label, testId }: LoadProfileFieldProps) {
  const frame = useInspectorFrame();
  const bars = useRef<HTMLDivElement>(null);
  const [hour, setHour] = useState(12);
  // While dragging, the profile being drawn; committed when the pointer is released. Kept in a
  // ref as well, read by each pointer event: events that come faster than React renders (a
  // quick drag, a busy machine) would otherwise each draw on the last rendered profile and lose
  // the bars the events before them drew.
  const [drawn, setDrawn] = useState<unknown[] | null>(null);
  const drawing = useRef<unknown[] | null>(null);
  if (!Array.isArray(value)) {
    return <AddOptional spec={spec} at={at} testId={testId} label="add a 24-hour load profile" />;
  }
  const profile = drawn ?? value;
  const scale = profileScale(value);
  const draw = (event: PointerEvent<HTMLDivElement>, base: unknown[]) => {
    const box = bars.current?.getBoundingClientRect();
    if (!box) return;
    const at = Math.min(
      HOURS_PER_DAY - 1,
      Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * HOURS_PER_DAY)),
    );
    setHour(at);
    const next = withHour(base, at, profileValueAt(box.bottom - event.clientY, box.height, scale));
    drawing.current = next;
    setDrawn(next);
  };
  const commitProfile = (next: unknown[]) => frame.commit([{ at, value: next }]);

  return (
    <div className="load-profile" data-testid={testId}>
      <div
        className="load-profile-bars"
        ref={bars}
        style={{ height: BAR_AREA_HEIGHT }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          draw(event, value);
        }}
        onPointerMove={(event) => {
          if (drawing.current) draw(event, drawing.current);
        }}
        onPointerUp={() => {
          const current = drawing.current;
          drawing.current = null;
          if (current) commitProfile(current);
          setDrawn(null);
        }}
        onPointerCancel={() => {
          drawing.current = null;
          setDrawn(null);
        }}
      >
        {profile.map((entry, index) => {
          const multiplier = nominalOf(entry) ?? 0;
          return (
            <div
              key={index}
              role="slider"
              tabIndex={index === hour ? 0 : -1}
              {...fieldAttributes(frame, [...at, index], 'bar')}
              aria-label={`${label}: ${hourName(index)}`}
              aria-valuemin={0}
              aria-valuemax={scale}
              aria-valuenow={multiplier}
              aria-orientation="vertical"
              className={`load-profile-bar${index === hour ? ' selected' : ''}${typeof entry === 'number' ? '' : ' uncertain'}`}
              title={`${hourName(index)}: ${multiplier} × per_user_rps`}
              onFocus={() => setHour(index)}
              onKeyDown={(event) => {
                const step = event.key === 'ArrowUp' ? KEY_STEP : event.key === 'ArrowDown' ? -KEY_STEP : 0;
                const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (step !== 0) {
                  event.preventDefault();
                  commitProfile(withHour(value, index, Math.max(0, tidy(multiplier + step))));
                } else if (move !== 0) {
                  event.preventDefault();
                  const next = (index + move + HOURS_PER_DAY) % HOURS_PER_DAY;
                  setHour(next);
                  (event.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
                }
              }}
            >
              <span className="load-profile-fill" style={{ height: `${Math.min(100, (multiplier / scale) * 100)}%` }} />
            </div>
          );
        })}
      </div>
      <div className="load-profile-axis" aria-hidden="true">
        <span>00</span>
        <span>06</span>
        <span>12</span>
        <span>18</span>
        <span>24</span>
      </div>
      <div className="load-profile-hour">
        <label>
          Hour
          <select
            aria-label={`${label}: hour to edit`}
            {...fieldAttributes(frame, at, 'hour')}
            value={hour}
            onChange={(event) => setHour(Number(event.target.value))}
          >
            {Array.from({ length: HOURS_PER_DAY }, (_, index) => (
              <option key={index} value={index}>
                {hourName(index)}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          at={[...at, hour]}
          value={value[hour]}
          label={`${label} at ${hourName(hour)}`}
          testId={testId && `${testId}.hour`}
        />
        <span className="field-unit">× per_user_rps</span>
        <RemoveButton name={label.toLowerCase()} onRemove={() => frame.commit([{ at, value: undefined }])} />
      </div>
    </div>
  );
}
