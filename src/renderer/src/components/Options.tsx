/** The <option>s of a select, from [value, label] pairs. */
export function Options({ options }: { options: ReadonlyArray<readonly [string, string]> }) {
  return options.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
