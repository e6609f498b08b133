/**
 * As-you-type suggestions for the header's search box, loaded on first focus. A WAI-ARIA combobox:
 * the input owns a listbox, arrow keys move the active option, Enter opens it, Escape closes the list.
 * Results are written as text nodes, never HTML.
 */
type Suggestion = { url: string; title: string; category: string };
type Elements = { input: HTMLInputElement; list: HTMLUListElement; status: HTMLElement };

const DEBOUNCE_MS = 150;
const MIN_QUERY = 2;

export function attachSuggestions({ input, list, status }: Elements) {
  let results: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function render() {
    list.replaceChildren(
      ...results.map((result, index) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(index === active));
        option.dataset.url = result.url;
        const title = document.createElement("span");
        title.textContent = result.title;
        const category = document.createElement("span");
        category.className = "search-box__category";
        category.textContent = result.category;
        option.append(title, category);
        return option;
      }),
    );
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }

  /** Closes the list, and cancels the suggestions still on their way: Escape or leaving the box must not see them reopen it. */
  function close() {
    clearTimeout(timer);
    inflight?.abort();
    results = [];
    active = -1;
    render();
  }

  async function load(query: string) {
    inflight?.abort();
    inflight = new AbortController();
    try {
      const response = await fetch(`/api/search?${new URLSearchParams({ q: query })}`, { signal: inflight.signal });
      if (!response.ok) return;
      const data = (await response.json()) as { results?: Suggestion[] };
      results = Array.isArray(data.results) ? data.results : [];
      active = -1;
      render();
      status.textContent = results.length
        ? `${results.length} suggestion${results.length === 1 ? "" : "s"}; use the arrow keys to choose`
        : "No suggestions";
    } catch {
      // Aborted by newer typing, or offline: the form still submits to the results page.
    }
  }

  function schedule() {
    const query = input.value.trim();
    if (query.length < MIN_QUERY) return close();
    clearTimeout(timer);
    timer = setTimeout(() => void load(query), DEBOUNCE_MS);
  }

  input.addEventListener("input", schedule);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (results.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length) % results.length;
      render();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(results[active]!.url);
    } else if (event.key === "Escape") {
      close();
    }
  });
  // mousedown, not click: it comes before the input's blur closes the list.
  list.addEventListener("mousedown", (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>("[role=option]");
    if (option?.dataset.url) window.location.assign(option.dataset.url);
  });
  input.addEventListener("blur", close);
  schedule();
}
