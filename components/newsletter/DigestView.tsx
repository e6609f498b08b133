type Props = {
  subject: string;
  sentAt: string;
  stories: { title: string; standfirst: string; url: string }[];
  market: string[];
};

/** A digest as its subscribers got it, for reading in a browser. */
export function DigestView({ subject, sentAt, stories, market }: Props) {
  return (
    <article className="newsletter-page">
      <h1>{subject}</h1>
      <p className="newsletter-page__meta">Sent {sentAt}</p>
      <ul className="digest-stories">
        {stories.map((story) => (
          <li key={story.url}>
            <h2>
              <a href={story.url}>{story.title}</a>
            </h2>
            <p>{story.standfirst}</p>
          </li>
        ))}
      </ul>
      <h2>The market</h2>
      <ul>
        {market.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </article>
  );
}
