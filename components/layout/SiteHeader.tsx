import { SearchBox } from "@/components/search/SearchBox";
import type { Category } from "@/lib/content/types";

type Props = { siteName: string; categories: Category[] };

export function SiteHeader({ siteName, categories }: Props) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__name">
          {siteName}
        </a>
        <nav aria-label="Sections" className="site-nav">
          <ul>
            {categories.map((category) => (
              <li key={category.slug}>
                <a href={`/category/${category.slug}`}>{category.name}</a>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
      </div>
    </header>
  );
}
