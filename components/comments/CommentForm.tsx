"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { postComment } from "@/lib/comments/actions";
import type { CommentFormState } from "@/lib/comments/submit";

type Props = { postSlug: string; renderedAt: number; limits: { nameMax: number; bodyMax: number } };
type ReplyTarget = { id: string; name: string };

const idle: CommentFormState = { status: "idle" };

/**
 * "Leave a Reply". Without JavaScript it is a plain form that posts and comes back to the
 * article with the outcome; with it, it sends in place and keeps what was typed on any error.
 */
export function CommentForm({ postSlug, renderedAt, limits }: Props) {
  const [state, formAction, sending] = useActionState(postComment, idle);
  const [replyTo, setReplyTo] = useState<ReplyTarget | undefined>();
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
    if (state.status === "pending") {
      form.current?.reset();
      setReplyTo(undefined);
    }
    if (state.status !== "idle") status.current?.focus();
  }, [state]);

  // Sent by hand rather than through React's form action, which would clear the fields even when
  // the server refuses the comment.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? state.values : undefined;
  const parentId = replyTo?.id ?? values?.parentId;
  const errorProps = (field: keyof typeof errors) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `comment-${field}-error` } : {};

  return (
    <form ref={form} id="comment-form" className="comment-form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="comment-form-title">
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
          <button type="button" className="link-button" onClick={() => setReplyTo(undefined)}>
            Cancel reply
          </button>
        </p>
      )}
      <input type="hidden" name="postSlug" value={postSlug} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <input type="hidden" name="renderedAt" value={renderedAt} />
      <div className="comment-form__field">
        <label htmlFor="comment-body">
          Comment <span aria-hidden="true">*</span>
        </label>
        <textarea id="comment-body" name="body" rows={6} required maxLength={limits.bodyMax} defaultValue={values?.body} {...errorProps("body")} />
        {errors.body && <p id="comment-body-error" className="comment-form__error">{errors.body}</p>}
      </div>
      <div className="comment-form__field">
        <label htmlFor="comment-name">
          Name <span aria-hidden="true">*</span>
        </label>
        <input id="comment-name" name="name" autoComplete="name" required maxLength={limits.nameMax} defaultValue={values?.name} {...errorProps("name")} />
        {errors.name && <p id="comment-name-error" className="comment-form__error">{errors.name}</p>}
      </div>
      <div className="comment-form__field">
        <label htmlFor="comment-email">
          Email <span aria-hidden="true">*</span>
        </label>
        <input id="comment-email" name="email" type="email" autoComplete="email" required {...errorProps("email")} />
        {errors.email && <p id="comment-email-error" className="comment-form__error">{errors.email}</p>}
      </div>
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
