import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

/** The page as it stands has no WCAG 2.1 A/AA or best-practice violation, each named with where it is. */
export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
