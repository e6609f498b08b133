import { ArticleView } from "@/components/article/ArticleView";
import { articleMetadata, articleStaticParams, loadArticle } from "@/lib/pages/article";

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;
export const generateStaticParams = articleStaticParams;

export async function generateMetadata({ params }: Props) {
  return articleMetadata((await params).slug);
}

export default async function ArticlePage({ params }: Props) {
  return <ArticleView {...loadArticle((await params).slug)} />;
}
