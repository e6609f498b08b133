import { PostCard } from "@/components/listing/PostCard";
import type { ListingCard } from "@/lib/pages/listing";

export function RelatedPosts({ cards }: { cards: ListingCard[] }) {
  if (cards.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">You might like</h2>
      <div className="card-grid">
        {cards.map((card) => (
          <PostCard key={card.post.slug} {...card} headingLevel="h3" />
        ))}
      </div>
    </section>
  );
}
