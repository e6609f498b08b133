export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>We could not find that page</h1>
      <p>The story may have moved, or the address may have a typo.</p>
      <p>
        <a href="/">Go to the latest news</a>
      </p>
    </div>
  );
}
