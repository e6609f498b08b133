import { ServerHtml } from "@/components/html/ServerHtml";
import { Stylesheets } from "@/components/html/Stylesheets";
import { CoverImage } from "@/components/post/CoverImage";
import { JsonLd } from "@/components/seo/JsonLd";
import { PostMeta } from "@/components/post/PostMeta";
import { StatusBadge } from "@/components/post/StatusBadge";
import type { ListingCard } from "@/lib/pages/listing";
import { RelatedPosts } from "./RelatedPosts";
import { TagList } from "./TagList";

type Props = ListingCard & {
  /** Rendered from Markdown and sanitised by lib/content/render.ts. */
  bodyHtml: string;
  related: ListingCard[];
  structuredData: Record<string, unknown>[];
  comments: React.ReactNode;
  /** The newsletter sign-up, offered once the story is read. */
  signup: React.ReactNode;
  /** The named coins' prices when the story was published and now. */
  coinPrices?: React.ReactNode;
};

export function ArticleView({ post, author, category, bodyHtml, related, structuredData, comments, signup, coinPrices }: Props) {
  return (
    <>
      <Stylesheets sheets={["listing", "article"]} />
      <JsonLd data={structuredData} />
      <article className="article">
        <header className="article__header">
          {category && (
            <a className="article__category" href={`/category/${category.slug}`}>
              {category.name}
            </a>
          )}
          <StatusBadge status={post.status} />
          <h1>{post.title}</h1>
          <p className="article__standfirst">{post.description}</p>
          <PostMeta post={post} author={author} showUpdated />
        </header>
        {post.image && post.imageAlt && (
          <CoverImage src={post.image} alt={post.imageAlt} lead sizes="(min-width: 48rem) 48rem, 100vw" />
        )}
        <ServerHtml className="prose article__body" html={bodyHtml} />
        <footer className="article__footer">
          {coinPrices}
          <TagList tags={post.tags} />
        </footer>
      </article>
      <aside className="article__signup" aria-label="Newsletter">
        {signup}
      </aside>
      {comments}
      <RelatedPosts cards={related} />
    </>
  );
}
