import { ArticleView } from "@/components/article/ArticleView";
import { CommentsSection } from "@/components/comments/CommentsSection";
import { SignupForm } from "@/components/newsletter/SignupForm";
import { CoinPrices } from "@/components/article/CoinPrices";
import { articleMetadata, articleStaticParams, loadArticle, loadCoinPrices, loadComments } from "@/lib/pages/article";

type Props = { params: Promise<{ slug: string }> };

// Static pages, regenerated at most this often so that comments approved from the command line
// appear within a minute; moderation on the site revalidates the article at once.
export const revalidate = 20;
export const generateStaticParams = articleStaticParams;

export async function generateMetadata({ params }: Props) {
  return articleMetadata((await params).slug);
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = loadArticle(slug);
  return (
    <ArticleView
      {...article}
      comments={<CommentsSection {...await loadComments(slug)} />}
      coinPrices={<CoinPrices lines={await loadCoinPrices(article.post)} />}
      signup={<SignupForm source={`after-story:${slug}`} idPrefix="newsletter-story" title="Get stories like this one in your inbox" />}
    />
  );
}
