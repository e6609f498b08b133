import type { Metadata } from "next";
import { connection } from "next/server";
import { ModerationList } from "@/components/admin/ModerationList";
import { NewsletterSummary } from "@/components/admin/NewsletterSummary";
import { SignInForm } from "@/components/admin/SignInForm";
import { signOut } from "@/lib/admin/actions";
import { isModerator, moderatorPasswordHash } from "@/lib/admin/auth";
import { loadModerationQueue, loadNewsletterSummary } from "@/lib/pages/moderation";

export const metadata: Metadata = {
  title: "Comment moderation",
  robots: { index: false, follow: false },
};

export default async function ModerationPage() {
  // Rendered for each request: it depends on the moderator's cookie and the live queue.
  await connection();
  if (!moderatorPasswordHash) {
    return (
      <div className="admin">
        <h1>Comment moderation is closed</h1>
        <p>No moderator password is configured. To open moderation, make a password hash with</p>
        <pre>
          <code>npm run --silent comments -- hash-password</code>
        </pre>
        <p>
          and start the site with it in <code>MODERATOR_PASSWORD_HASH</code> (for example in <code>.env.local</code>).
        </p>
      </div>
    );
  }
  if (!(await isModerator())) {
    return (
      <div className="admin">
        <h1>Sign in to moderate comments</h1>
        <SignInForm />
      </div>
    );
  }
  const [queue, newsletter] = await Promise.all([loadModerationQueue(), loadNewsletterSummary()]);
  return (
    <div className="admin">
      <h1>Comment moderation</h1>
      <form action={signOut}>
        <button type="submit">Sign out</button>
      </form>
      <ModerationList title="Awaiting moderation" empty="Nothing is waiting." comments={queue.pending} postTitle={queue.postTitle} />
      <ModerationList title="Published" empty="No comment is published." comments={queue.approved} postTitle={queue.postTitle} />
      <ModerationList title="Spam" empty="No spam." comments={queue.spam} postTitle={queue.postTitle} />
      <NewsletterSummary {...newsletter} />
    </div>
  );
}
