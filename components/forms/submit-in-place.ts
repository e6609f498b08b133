import { type FormEvent, startTransition } from "react";

/**
 * A form's submit handler that sends its data to `formAction` by hand rather than through React's form
 * action, which would clear the fields even when the server refuses them. Without JavaScript the form's
 * own action posts instead.
 */
export const submitInPlace = (formAction: (data: FormData) => void) => (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  startTransition(() => formAction(data));
};
