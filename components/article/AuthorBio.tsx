import { Stylesheets } from "@/components/html/Stylesheets";
import type { Author } from "@/lib/content/types";

/** The bio is Markdown rendered and sanitised by the content loader. */
export function AuthorBio({ author }: { author: Author }) {
  return (
    <div className="author-bio">
      <Stylesheets sheets={["article"]} />
      {author.role && <p className="author-bio__role">{author.role}</p>}
      <div className="prose" dangerouslySetInnerHTML={{ __html: author.bioHtml }} />
    </div>
  );
}
