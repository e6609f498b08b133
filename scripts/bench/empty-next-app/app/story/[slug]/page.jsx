import Image from "next/image";

// A bare story at a dynamic route, as the site's are: a headline, a lead, a cover image and about 10 KB of text
// (which Next.js sends twice, in the HTML and in its React payload), with no styles, no ticker and no comments:
// what Next.js alone makes of a story, to measure the site's against.
const PARAGRAPHS = Array.from(
  { length: 24 },
  (_, index) => `${index + 1}. ` + "Spot bitcoin funds took in a net $1.2bn over five sessions while sentiment gauges climbed out of fear. ".repeat(4),
);

export const generateStaticParams = () => [{ slug: "hello" }];

export default async function Story({ params }) {
  const { slug } = await params;
  return (
    <main>
      <h1>Spot bitcoin ETFs log biggest week of inflows since summer as fear lifts ({slug})</h1>
      <p>U.S. spot bitcoin funds took in a net $1.2bn over five sessions, with two issuers accounting for most of the money.</p>
      <Image src="/cover.jpg" alt="A chart of fund flows" width={1600} height={900} priority sizes="(min-width: 48rem) 48rem, 100vw" style={{ width: "100%", height: "auto" }} />
      {PARAGRAPHS.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </main>
  );
}
