import { expect, test } from "@playwright/test";
import { previewURL } from "../../playwright.config";
import { unpublished } from "./sample-content";

// `npm run dev` is the editors' preview: drafts and scheduled posts show, clearly labelled.
test.describe("the editors' preview (npm run dev)", () => {
  test.use({ baseURL: previewURL });
  test.setTimeout(120_000);

  test("shows drafts and scheduled posts, labelled", async ({ page }) => {
    const draft = unpublished.find((post) => post.draft)!;
    const scheduled = unpublished.find((post) => !post.draft)!;

    // The article's own label: its "You might like" may show other unpublished posts, labelled too.
    const label = page.locator(".article__header");
    await page.goto(`/news/${draft.slug}`);
    await expect(page.locator("h1")).toHaveText(draft.title);
    await expect(label.getByText("Draft: not published")).toBeVisible();

    await page.goto(`/news/${scheduled.slug}`);
    await expect(page.locator("h1")).toHaveText(scheduled.title);
    await expect(label.getByText("Scheduled: not yet published")).toBeVisible();

    await page.goto("/");
    await expect(page.getByRole("link", { name: scheduled.title, exact: true })).toBeVisible();
  });
});
