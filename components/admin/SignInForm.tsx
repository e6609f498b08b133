"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/admin/actions";
import type { SignInState } from "@/lib/admin/sign-in";

export function SignInForm() {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={formAction} className="sign-in">
      <div className="comment-form__field">
        <label htmlFor="moderator-password">Moderator password</label>
        <input
          id="moderator-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...(state.error ? { "aria-invalid": true, "aria-describedby": "sign-in-error" } : {})}
        />
        {state.error && (
          <p id="sign-in-error" className="comment-form__error" role="alert">
            {state.error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
