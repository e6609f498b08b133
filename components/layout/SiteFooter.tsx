type Props = {
  siteName: string;
  about: string;
  social: readonly { label: string; href: string }[];
};

export function SiteFooter({ siteName, about, social }: Props) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
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
          © {siteName}. Nothing here is investment advice.
        </p>
      </div>
    </footer>
  );
}
