"use client";

import { useActionState, useEffect, useRef } from "react";
import { submitInPlace } from "@/components/forms/submit-in-place";
import { subscribeToNewsletter } from "@/lib/newsletter/actions";
import type { SignupFormState } from "@/lib/newsletter/signup";
import { signupWording } from "@/lib/newsletter/wording";

type Props = {
  /** Which form a sign-up came from, kept in the record of consent: "footer" or "after-story:<slug>". */
  source: string;
  /** Ids on the page start with it, so the footer's form and a story's can share a page. */
  idPrefix: string;
  title: string;
};

const idle: SignupFormState = { status: "idle" };

/**
 * The newsletter sign-up. Without JavaScript it is a plain form that posts and comes back with the
 * outcome; with it, it sends in place. Nothing is ticked in advance: the reader chooses.
 */
export function SignupForm({ source, idPrefix, title }: Props) {
  const [state, formAction, sending] = useActionState(subscribeToNewsletter, idle);
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === "sent") form.current?.reset();
    if (state.status !== "idle") status.current?.focus();
  }, [state]);

  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={form} className="signup" action={formAction} onSubmit={submitInPlace(formAction)} noValidate aria-labelledby={id("title")}>
      <h2 id={id("title")} className="signup__title">
        {title}
      </h2>
      <div
        ref={status}
        tabIndex={-1}
        role={state.status === "error" ? "alert" : "status"}
        className={state.status === "idle" ? "signup__status" : `signup__status signup__status--${state.status}`}
      >
        {state.message}
      </div>
      <div className="signup__fields">
        {/* Not "Email": on a story's page the comment form's Email field keeps that label to itself. */}
        <label htmlFor={id("email")}>Your e-mail address</label>
        <input
          id={id("email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          {...(errors.email ? { "aria-invalid": true, "aria-describedby": id("email-error") } : {})}
        />
        {errors.email && (
          <p id={id("email-error")} className="signup__error">
            {errors.email}
          </p>
        )}
        <fieldset className="signup__lists" {...(errors.lists ? { "aria-describedby": id("lists-error") } : {})}>
          <legend>Which digest?</legend>
          <label>
            <input type="checkbox" name="daily" value="1" /> Daily
          </label>
          <label>
            <input type="checkbox" name="weekly" value="1" /> Weekly
          </label>
        </fieldset>
        {errors.lists && (
          <p id={id("lists-error")} className="signup__error">
            {errors.lists}
          </p>
        )}
      </div>
      <input type="hidden" name="source" value={source} />
      {/* The honeypot: out of sight and out of the tab order, so only a bot fills it in. */}
      <div className="signup__trap" aria-hidden="true">
        <label htmlFor={id("homepage")}>Do not fill this in</label>
        <input id={id("homepage")} name="homepage" tabIndex={-1} autoComplete="off" />
      </div>
      <p className="signup__note">{signupWording}</p>
      <button type="submit" disabled={sending}>
        {sending ? "Subscribing…" : "Subscribe"}
      </button>
    </form>
  );
}
