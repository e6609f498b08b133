"use client";

import { type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import { submitInPlace } from "@/components/forms/submit-in-place";
import { postComment } from "@/lib/comments/actions";
import type { CommentField } from "@/lib/comments/schema";
import type { CommentFormState } from "@/lib/comments/submit";

export type ReplyTarget = { id: string; name: string };
type Props = {
  postSlug: string;
  renderedAt: number;
  limits: { nameMax: number; bodyMax: number };
  /** Set on the reply page that reply links lead to when JavaScript is off. */
  initialReplyTo?: ReplyTarget;
};

const idle: CommentFormState = { status: "idle" };

/** A required field with its label and, after a refused send, its error (which the control names). */
function Field({ field, label, error, children }: { field: CommentField; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="comment-form__field">
      <label htmlFor={`comment-${field}`}>
        {label} <span aria-hidden="true">*</span>
      </label>
      {children}
      {error && (
        <p id={`comment-${field}-error`} className="comment-form__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Leave a Reply". Without JavaScript it is a plain form that posts and comes back to the
 * article with the outcome; with it, it sends in place and keeps what was typed on any error.
 */
export function CommentForm({ postSlug, renderedAt, limits, initialReplyTo }: Props) {
  const [state, formAction, sending] = useActionState(postComment, idle);
  const [replyTo, setReplyTo] = useState<ReplyTarget | undefined>(initialReplyTo);
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLDivElement>(null);

  // Reply links sit beside each comment, outside this component: one listener serves them all.
  useEffect(() => {
    const section = form.current?.closest("section");
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest<HTMLElement>("[data-reply-to]");
      if (!link) return;
      event.preventDefault();
      setReplyTo({ id: link.dataset.replyTo ?? "", name: link.dataset.replyName ?? "" });
      form.current?.scrollIntoView({ block: "start" });
      form.current?.querySelector<HTMLTextAreaElement>("textarea")?.focus();
    };
    section?.addEventListener("click", onClick);
    return () => section?.removeEventListener("click", onClick);
  }, []);

  useEffect(() => {
    // A comment that was sent, or whose reply target is gone, no longer answers anyone.
    if (state.status === "pending" || state.reason === "no-parent") setReplyTo(undefined);
    if (state.status === "pending") form.current?.reset();
    if (state.status !== "idle") status.current?.focus();
  }, [state]);

  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? state.values : undefined;
  const errorProps = (field: CommentField) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `comment-${field}-error` } : {};

  return (
    <form ref={form} id="comment-form" className="comment-form" action={formAction} onSubmit={submitInPlace(formAction)} noValidate aria-labelledby="comment-form-title">
      <h3 id="comment-form-title">{replyTo ? `Reply to ${replyTo.name}` : "Leave a Reply"}</h3>
      <div
        ref={status}
        tabIndex={-1}
        role={state.status === "error" ? "alert" : "status"}
        className={state.status === "idle" ? "comment-form__status" : `comment-form__status comment-form__status--${state.status}`}
      >
        {state.message}
      </div>
      <p className="comment-form__note">
        Your email address will not be published. Required fields are marked <span aria-hidden="true">*</span>
        <span className="visually-hidden">as required</span>
      </p>
      {replyTo && (
        <p className="comment-form__replying">
          Replying to <bdi>{replyTo.name}</bdi>.{" "}
          <a
            href={`/news/${postSlug}#comment-form`}
            onClick={(event) => {
              event.preventDefault();
              setReplyTo(undefined);
            }}
          >
            Cancel reply
          </a>
        </p>
      )}
      <input type="hidden" name="postSlug" value={postSlug} />
      <input type="hidden" name="parentId" value={replyTo?.id ?? ""} />
      <input type="hidden" name="renderedAt" value={renderedAt} />
      <Field field="body" label="Comment" error={errors.body}>
        <textarea id="comment-body" name="body" rows={6} required maxLength={limits.bodyMax} defaultValue={values?.body} {...errorProps("body")} />
      </Field>
      <Field field="name" label="Name" error={errors.name}>
        <input id="comment-name" name="name" autoComplete="name" required maxLength={limits.nameMax} defaultValue={values?.name} {...errorProps("name")} />
      </Field>
      <Field field="email" label="Email" error={errors.email}>
        <input id="comment-email" name="email" type="email" autoComplete="email" required {...errorProps("email")} />
      </Field>
      {/* The honeypot: out of sight and out of the tab order, so only a bot fills it in. */}
      <div className="comment-form__trap" aria-hidden="true">
        <label htmlFor="comment-website">Leave this field empty</label>
        <input id="comment-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={sending}>
        {sending ? "Sending…" : "Post Comment"}
      </button>
    </form>
  );
}
