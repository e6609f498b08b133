// The same empty page at a dynamic route, as a story is: Next.js does more for each request to such a route.
export const generateStaticParams = () => [{ slug: "hello" }];

export default async function Page({ params }) {
  return <main>Hello {(await params).slug}</main>;
}
