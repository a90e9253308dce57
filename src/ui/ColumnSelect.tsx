/** A labelled drop-down of columns (with units), used by the plots. */
import type { ColumnFacts } from './tableData.ts';

/** Picks one column. */
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
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {columns.map((c) => (
          <option key={c.index} value={c.name}>
            {c.unit ? `${c.name} (${c.unit})` : c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
