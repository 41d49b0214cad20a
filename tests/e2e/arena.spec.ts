import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_MODELS } from "./support/models-file";

// Compare → Blind battle (the Arena) and the leaderboard, against the demo models on the fakes. Before the vote no
// model's name or id may be anywhere in the page or in what the browser received; the vote reveals them and
// changes the leaderboard. The admin switch is global, so the tests run one after another.

const REVEALING = Object.values(DEMO_MODELS).flatMap((model) => [model.id, model.name]);

async function setArena(page: Page, enabled: boolean) {
  await page.goto("/admin/settings");
  const arena = page.getByRole("region", { name: "Arena" });
  const box = arena.getByRole("checkbox", { name: "Offer blind battles (the Arena)" });
  if (enabled) await box.check();
  else await box.uncheck();
  await arena.getByRole("button", { name: "Save arena setting" }).click();
  await expect(arena.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
}

async function totalVotes(page: Page): Promise<number> {
  const response = await page.request.get("/api/arena/leaderboard");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { totalVotes: number }).totalVotes;
}

test.describe("arena", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test("a blind battle hides both names until the vote, the vote reveals them and changes the leaderboard", async ({ page, adminPage, signUpNewUser }) => {
    await setArena(adminPage, true);
    try {
      await signUpNewUser({ page, prefix: "arena" });
      const received: string[] = [];
      page.on("response", (response) => {
        if (!new URL(response.url()).pathname.startsWith("/api/arena/battles")) return;
        const headers = Object.entries(response.headers()).map(([name, value]) => `${name}: ${value}`);
        received.push(headers.join("\n"));
        void response.text().then(
          (body) => received.push(body),
          () => undefined,
        );
      });

      await page.goto("/compare");
      await page.getByRole("link", { name: "Blind battle (names hidden until you vote)" }).click();
      await expect(page.getByRole("heading", { name: "Blind battle", level: 1 })).toBeVisible();
      const votesBefore = await totalVotes(page);

      await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("How do I look after a parrot?");
      await page.getByRole("button", { name: "Start battle" }).click();
      const columns = page.getByTestId("arena-column");
      await expect(columns).toHaveCount(2);
      await expect(page.getByRole("heading", { name: "Model A", exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Model B", exact: true })).toBeVisible();
      for (const column of await columns.all()) {
        await expect(column.getByTestId("column-status")).toHaveText("Finished", { timeout: 60_000 });
        await expect(column.getByTestId("message-text")).not.toBeEmpty();
      }

      // Nothing names a model: not the DOM (with its inline data), not any arena response or header.
      const html = await page.content();
      for (const secret of REVEALING) expect(html, `the page names ${secret}`).not.toContain(secret);
      await expect.poll(() => received.length).toBeGreaterThanOrEqual(6);
      for (const secret of REVEALING) expect(received.join("\n"), `a response names ${secret}`).not.toContain(secret);

      await page.getByRole("button", { name: "A is better" }).click();
      const result = page.getByTestId("arena-result");
      await expect(result).toContainText("You voted A is better");
      const revealed = page.getByTestId("revealed-model");
      await expect(revealed).toHaveCount(2);
      const names = Object.values(DEMO_MODELS).map((model) => model.name);
      for (const text of await revealed.allTextContents()) expect(names).toContain(text.replace(/^\s*·\s*/, "").trim());
      await expect(page.getByRole("button", { name: "B is better" })).toHaveCount(0);

      expect(await totalVotes(page)).toBe(votesBefore + 1);
      const winner = (await revealed.first().textContent())?.replace(/^\s*·\s*/, "").trim() ?? "";
      await page.goto("/leaderboard");
      await expect(page.getByRole("heading", { name: "Leaderboard", level: 1 })).toBeVisible();
      await expect(page.getByTestId("arena-rating-row").filter({ hasText: winner })).toBeVisible();
    } finally {
      await setArena(adminPage, false);
    }
  });

  test("with the arena off, Compare offers no blind battle and the API refuses", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ page, prefix: "arena-off" });
    await page.goto("/compare");
    await expect(page.getByRole("heading", { name: "Compare models", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: /Blind battle/ })).toHaveCount(0);
    expect((await page.goto("/compare/blind"))?.status()).toBe(404);
    const refused = await page.request.post("/api/arena/battles", { data: { prompt: "Hello" } });
    expect(refused.status()).toBe(403);
    // The leaderboard stays open to every signed-in user.
    await page.goto("/leaderboard");
    await expect(page.getByRole("heading", { name: "Leaderboard", level: 1 })).toBeVisible();
  });
});
