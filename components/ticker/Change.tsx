import { type ChangeOptions, describeChange } from "./change-text";

/** A change shown by sign and arrow as well as colour, and read out in words. */
export function Change({ value, ...options }: { value: number | null } & ChangeOptions) {
  const { trend, shown, spoken } = describeChange(value, options);
  return (
    <span className={`change change--${trend}`}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
