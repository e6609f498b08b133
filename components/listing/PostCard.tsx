import { CoverImage } from "@/components/post/CoverImage";
import { PostMeta } from "@/components/post/PostMeta";
import { StatusBadge } from "@/components/post/StatusBadge";
import type { Author, Category, Post } from "@/lib/content/types";

type Props = {
  post: Post;
  author: Author | undefined;
  category: Category | undefined;
  lead?: boolean;
  headingLevel: "h2" | "h3";
};

export function PostCard({ post, author, category, lead = false, headingLevel: Heading }: Props) {
  return (
    <article className={lead ? "post-card post-card--lead" : "post-card"}>
      {post.image && post.imageAlt && (
        <CoverImage
          src={post.image}
          alt={post.imageAlt}
          lead={lead}
          sizes={lead ? "(min-width: 64rem) 60rem, 100vw" : "(min-width: 64rem) 20rem, (min-width: 40rem) 50vw, 100vw"}
        />
      )}
      <div className="post-card__body">
        {category && (
          <a className="post-card__category" href={`/category/${category.slug}`}>
            {category.name}
          </a>
        )}
        <StatusBadge status={post.status} />
        <Heading className="post-card__title">
          <a href={`/news/${post.slug}`}>{post.title}</a>
        </Heading>
        <p className="post-card__description">{post.description}</p>
        <PostMeta post={post} author={author} />
      </div>
    </article>
  );
}
