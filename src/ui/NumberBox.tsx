import { useState } from 'react';

/**
 * A number input that lets the reader type freely: a value inside [min, max] applies as it is
 * typed, anything else waits until Enter or leaving the field, where it is clamped. (Clamping on
 * every keystroke turns "45" into "55" on the way through "4".)
 */
export function NumberBox({
  label,
  value,
  min,
  max,
  step,
  onCommit,
  onClear,
  placeholder,
  className,
}: {
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  step: number;
  onCommit: (v: number) => void;
  /** when given, emptying the field clears the value (e.g. "no per-chip price") */
  onClear?: () => void;
  placeholder?: string;
  className?: string;
}) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = draft ?? (value === undefined ? '' : String(value));
  const finish = () => {
    if (draft === undefined) return;
    const t = draft.trim();
    if (t === '' && onClear) onClear();
    else {
      const n = Number(t);
      if (t !== '' && Number.isFinite(n)) onCommit(Math.min(max, Math.max(min, n)));
    }
    setDraft(undefined);
  };
  return (
    <input
      type="number"
      aria-label={label}
      className={className}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      value={shown}
      onChange={(e) => {
        const t = e.target.value;
        setDraft(t);
        const n = Number(t);
        if (t.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onCommit(n);
        else if (t.trim() === '' && onClear) onClear();
      }}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish();
      }}
    />
  );
}
