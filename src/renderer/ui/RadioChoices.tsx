/**
 * One labelled radio button per option, the chosen one checked: the caller's fieldset and legend
 * name the group, so the screen reader reads "legend, option, n of m".
 */
export function RadioChoices<T extends string>({
  name,
  options,
  value,
  onChange,
  label,
}: {
  name: string;
  options: readonly T[];
  value: T;
  onChange: (option: T) => void;
  label: (option: T) => string;
}) {
  return (
    <>
      {options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />{' '}
          {label(option)}
        </label>
      ))}
    </>
  );
}
