import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __tabStops?: { elements: HTMLElement[]; names: string[]; unfocusedLooks: string[]; look: (element: HTMLElement) => string };
  }
}

/**
 * The elements the Tab key must reach on the page as it stands, in document order, each named by its
 * position and what it is: every link, button, form field or element given a tabindex that is enabled,
 * rendered and not taken out of the tab order. The page keeps them, with how each looks unfocused, for
 * `pressTab`.
 */
export function expectedTabStops(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]";
    const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !element.matches(":disabled, input[type=hidden]") &&
        element.checkVisibility({ visibilityProperty: true }) &&
        !element.closest("[inert]"),
    );
    const names = elements.map((element, index) => {
      const text = element.getAttribute("aria-label") ?? element.textContent?.trim().replace(/\s+/g, " ").slice(0, 40);
      return `${index}: ${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${text || element.getAttribute("name") || ""}"`;
    });
    // What a focus indicator can be: an outline or a shadow.
    const look = (element: HTMLElement) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0 ? "none" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
    };
    (document.activeElement as HTMLElement | null)?.blur();
    window.__tabStops = { elements, names, unfocusedLooks: elements.map(look), look };
    return names;
  });
}

/**
 * Presses Tab and tells which of `expectedTabStops` has focus (or what else has), and whether it looks
 * different focused, by its outline or shadow, than unfocused.
 */
export async function pressTab(page: Page): Promise<{ stop: string; indicated: boolean }> {
  await page.keyboard.press("Tab");
  return page.evaluate(() => {
    const stops = window.__tabStops!;
    const focused = document.activeElement as HTMLElement;
    const index = stops.elements.indexOf(focused);
    if (index < 0) return { stop: `not a listed stop: ${focused.outerHTML.slice(0, 100)}`, indicated: false };
    const look = stops.look(focused);
    return { stop: stops.names[index]!, indicated: look !== stops.unfocusedLooks[index] && look !== "outline: none; box-shadow: none" };
  });
}
