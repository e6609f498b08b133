import type { PostStatus } from "@/lib/content/types";

const labels: Record<Exclude<PostStatus, "published">, string> = {
  draft: "Draft: not published",
  scheduled: "Scheduled: not yet published",
};

/** Shown only in the editors' preview (`next dev`); production builds never contain unpublished posts. */
export function StatusBadge({ status }: { status: PostStatus }) {
  if (status === "published") return null;
  return <span className={`status-badge status-badge--${status}`}>{labels[status]}</span>;
}
