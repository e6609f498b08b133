/** What the server wrote under each key, as found in this page's DOM the first time it was needed. */
const written = new Map<string, string>();

/**
 * In the browser, the inner HTML the server wrote into the element marked `data-html-key={key}`, or
 * undefined when the page holds no such element (the browser drew the page without the server's HTML).
 * While hydrating, React leaves an element's inner HTML alone whatever it is told; should it ever draw the
 * element again from scratch (after a hydration mismatch elsewhere, say), the server's element is still in the
 * document at that moment, and it is read from there, so the text never goes missing. Writing it back as it was
 * read is safe because what the server writes is safe as HTML: bodies are sanitised, comments escaped.
 */
export function writtenByServer(key: string): string | undefined {
  const html = written.get(key) ?? document.querySelector(`[data-html-key="${CSS.escape(key)}"]`)?.innerHTML;
  if (html !== undefined) written.set(key, html);
  return html;
}
