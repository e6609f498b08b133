"use client";

import { useEffect, useRef } from "react";

/**
 * The header's search: a plain GET form to /search, so it works without JavaScript. Focusing it
 * loads the as-you-type suggestions (./suggestions), so pages that never search ship none of that code.
 */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const loading = useRef(false);

  const enhance = () => {
    if (loading.current || !input.current || !list.current || !status.current) return;
    loading.current = true;
    const elements = { input: input.current, list: list.current, status: status.current };
    void import("./suggestions").then(({ attachSuggestions }) => attachSuggestions(elements));
  };

  // A reader who focused the box before the page's script ran gets suggestions all the same.
  useEffect(() => {
    if (document.activeElement === input.current) enhance();
  });

  return (
    <form role="search" aria-label="Site search" action="/search" method="get" className="search-box">
      <label htmlFor="site-search" className="visually-hidden">
        Search stories
      </label>
      <input
        ref={input}
        id="site-search"
        name="q"
        type="search"
        placeholder="Search stories"
        autoComplete="off"
        maxLength={200}
        onFocus={enhance}
      />
      <button type="submit">Search</button>
      <ul ref={list} id="site-search-suggestions" role="listbox" aria-label="Suggested stories" hidden />
      <p ref={status} className="visually-hidden" role="status" aria-live="polite" />
    </form>
  );
}
