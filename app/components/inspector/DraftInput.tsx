// A text box whose typing is a draft until Enter or leaving the box, so that every keystroke is
// not an edit (nor an undo step); Escape puts back what it showed. `onCommit` returns a message
// when the text is not acceptable, shown under the box.
import { type InputHTMLAttributes, useEffect, useState } from 'react';

interface DraftInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  label: string;
  testId?: string;
  onCommit(text: string): string | null;
}

export function DraftInput({ value, label, testId, onCommit, className, ...attributes }: DraftInputProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setText(value);
    setProblem(null);
  }, [value]);
  const commit = () => {
    if (text === value) {
      setProblem(null);
      return;
    }
    setProblem(onCommit(text));
  };
  return (
    <span className={`draft-input${problem ? ' draft-input-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <input
        {...attributes}
        data-testid={testId}
        aria-label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape' && text !== value) {
            // Escape here undoes the typing; it does not also close a dialog around the box.
            event.stopPropagation();
            setText(value);
            setProblem(null);
          }
        }}
      />
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
