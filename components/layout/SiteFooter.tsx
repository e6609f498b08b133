type Link = { label: string; href: string };

type Props = {
  siteName: string;
  about: string;
  social: readonly Link[];
  marketDataSources: readonly Link[];
  /** The newsletter sign-up, on every page. */
  signup: React.ReactNode;
};

export function SiteFooter({ siteName, about, social, marketDataSources, signup }: Props) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {signup}
        <div>
          <p className="site-footer__name">{siteName}</p>
          <p>{about}</p>
        </div>
        <nav aria-label="Follow us">
          <ul className="site-footer__social">
            {social.map((link) => (
              <li key={link.label}>
                <a href={link.href} rel="noopener noreferrer me">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="site-footer__copy">
          © {siteName}. Nothing here is investment advice. Market data:{" "}
          {marketDataSources.map((source, index) => (
            <span key={source.href}>
              {index > 0 && " and "}
              <a href={source.href} rel="noopener noreferrer">
                {source.label}
              </a>
            </span>
          ))}
          .
        </p>
      </div>
    </footer>
  );
}
