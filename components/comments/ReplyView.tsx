import { Stylesheets } from "@/components/html/Stylesheets";
import { ServerHtml } from "@/components/html/ServerHtml";
import { commentItemsHtml } from "@/lib/comments/html";
import type { PublicComment } from "@/lib/comments/queries";
import { commentLimits } from "@/lib/comments/schema";
import { CommentForm } from "./CommentForm";

type Props = { post: { slug: string; title: string }; comment: PublicComment; renderedAt: number };

export function ReplyView({ post, comment, renderedAt }: Props) {
  return (
    <section id="comments" className="comments" aria-labelledby="reply-title">
      <Stylesheets sheets={["article"]} />
      <h1 id="reply-title">
        Reply to <bdi>{comment.authorName}</bdi>
      </h1>
      <p>
        On <a href={`/news/${post.slug}#comment-${comment.id}`}>{post.title}</a>
      </p>
      <ServerHtml as="ol" className="comment-list" html={commentItemsHtml([comment])} />
      <CommentForm postSlug={post.slug} renderedAt={renderedAt} limits={commentLimits} initialReplyTo={{ id: comment.id, name: comment.authorName }} />
    </section>
  );
}
