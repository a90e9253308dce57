/** A labelled drop-down of columns (with units), used by the plots. */
import { useId } from 'react';
import { columnTitle, type ColumnFacts } from './tableData.ts';

/**
 * Picks one column. The label is tied to the select by `htmlFor`, not by wrapping, so the
 * select's accessible name is just the label ("X"), not the label plus the selected option.
 */
export function ColumnSelect({
  label,
  value,
  columns,
  onChange,
}: {
  label: string;
  value: string;
  columns: readonly ColumnFacts[];
  onChange: (name: string) => void;
}) {
  const id = useId();
  return (
    <span className="column-select">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {columns.map((c) => (
          <option key={c.index} value={c.name}>
            {columnTitle(c)}
          </option>
        ))}
      </select>
    </span>
  );
}
