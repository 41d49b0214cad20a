import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../../lib/db/generated/postgres";
import { PrismaClient as SqliteClient } from "../../lib/db/generated/sqlite";
import { type BackendOptions, expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { Sidebar } from "./pages/sidebar";

// The sidebar: date groups, rename, pin, delete, search, keyboard use of the actions menu, and a 10,000-conversation
// account. Conversations are seeded straight into the app's database through Prisma, not by chatting.

type Seed = { title: string; messages?: string[]; daysAgo?: number };

function prismaFor(backend: BackendOptions) {
  if (backend.name === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: path.join(backend.dataDir ?? "", "chat.db"), timeout: 15_000 });
    return new SqliteClient({ adapter });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: backend.databaseUrl ?? "" }) }) as unknown as SqliteClient;
}

const DAY_MS = 24 * 3600_000;

async function seedConversations(backend: BackendOptions, userId: string, seeds: Seed[]): Promise<string[]> {
  const prisma = prismaFor(backend);
  try {
    const now = Date.now();
    const rows = seeds.map((seed, index) => ({
      id: randomUUID(),
      userId,
      title: seed.title,
      titleIsSet: true,
      // A second apart, so the order is the seeds' order within a day.
      updatedAt: new Date(now - (seed.daysAgo ?? 0) * DAY_MS - index * 1000),
    }));
    for (let at = 0; at < rows.length; at += 1000) await prisma.conversation.createMany({ data: rows.slice(at, at + 1000) });
    const messages = seeds.flatMap((seed, index) =>
      (seed.messages ?? []).map((text) => ({ conversationId: rows[index]?.id ?? "", role: "user" as const, parts: [{ type: "text", text }] })),
    );
    if (messages.length) await prisma.message.createMany({ data: messages });
    return rows.map((row) => row.id);
  } finally {
    await prisma.$disconnect();
  }
}

async function signedInWith(
  {
    page,
    signUpNewUser,
    db,
    backend,
  }: {
    page: import("@playwright/test").Page;
    signUpNewUser: (o?: { prefix?: string }) => Promise<{ email: string }>;
    db: { findUser(email: string): Promise<{ id: string } | null> };
    backend: BackendOptions;
  },
  seeds: Seed[],
) {
  const account = await signUpNewUser({ prefix: "sidebar" });
  const user = await db.findUser(account.email);
  if (!user) throw new Error("the new account should exist");
  const ids = await seedConversations(backend, user.id, seeds);
  return { ids, sidebar: new Sidebar(page), chat: new ChatPage(page) };
}

test.describe("sidebar", () => {
  test("groups conversations by date, newest first", async ({ page, signUpNewUser, db, backend }) => {
    const { sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [
      { title: "Fresh" },
      { title: "From yesterday", daysAgo: 1 },
      { title: "Last week", daysAgo: 4 },
      { title: "Last month", daysAgo: 20 },
      { title: "Long ago", daysAgo: 400 },
    ]);
    await chat.goto("/");
    await expect(sidebar.list.getByRole("heading", { name: "Today" })).toBeVisible();
    const rows = await sidebar.rows();
    expect(rows.slice(0, 9)).toEqual([
      "# Today",
      "Fresh",
      "# Yesterday",
      "From yesterday",
      "# Previous 7 days",
      "Last week",
      "# Previous 30 days",
      "Last month",
      rows[8],
    ]);
    expect(rows[8]).toMatch(/^# [A-Z][a-z]+ \d{4}$/);
    expect(rows[9]).toBe("Long ago");
  });

  test("renames inline: Enter saves (and survives a reload), Escape cancels", async ({ page, signUpNewUser, db, backend }) => {
    const { ids, sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [{ title: "Draft title" }]);
    const id = ids[0] ?? "";
    await chat.goto("/");
    await sidebar.openActions(id);
    await sidebar.menuItem("Rename").click();
    await expect(sidebar.titleField).toBeFocused();
    await sidebar.titleField.fill("Ignored");
    await sidebar.titleField.press("Escape");
    await expect(sidebar.entry(id)).toHaveText("Draft title");

    await sidebar.openActions(id);
    await sidebar.menuItem("Rename").click();
    await sidebar.titleField.fill("  Quarterly budget  ");
    const saved = page.waitForResponse((response) => response.url().endsWith(`/api/conversations/${id}`) && response.request().method() === "PATCH");
    await sidebar.titleField.press("Enter");
    expect((await saved).status()).toBe(200);
    await expect(sidebar.entry(id)).toHaveText("Quarterly budget");
    await page.reload();
    await expect(sidebar.entry(id)).toHaveText("Quarterly budget");
  });

  test("pin moves a conversation into Pinned, on top; unpin puts it back", async ({ page, signUpNewUser, db, backend }) => {
    const { ids, sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [{ title: "Newer" }, { title: "Older", daysAgo: 3 }]);
    const older = ids[1] ?? "";
    await chat.goto("/");
    await expect(sidebar.entry(older)).toBeVisible();
    expect(await sidebar.groupOf("Older")).toBe("Previous 7 days");
    await sidebar.openActions(older);
    await sidebar.menuItem("Pin").click();
    await expect.poll(() => sidebar.rows()).toEqual(["# Pinned", "Older", "# Today", "Newer"]);
    await page.reload();
    await expect.poll(() => sidebar.rows()).toEqual(["# Pinned", "Older", "# Today", "Newer"]);
    await sidebar.openActions(older);
    await sidebar.menuItem("Unpin").click();
    await expect.poll(() => sidebar.rows()).toEqual(["# Today", "Newer", "# Previous 7 days", "Older"]);
  });

  test("delete asks first; deleting the open conversation removes it and goes to a new chat", async ({ page, signUpNewUser, db, backend }) => {
    const { ids, sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [
      { title: "Keep me", messages: ["keep"] },
      { title: "Delete me", messages: ["bye"] },
    ]);
    const [keep = "", doomed = ""] = ids;
    await chat.goto(`/c/${doomed}`);
    await sidebar.openActions(doomed);
    await sidebar.menuItem("Delete").click();
    await expect(sidebar.deleteDialog).toBeVisible();
    await sidebar.deleteDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(sidebar.deleteDialog).toBeHidden();
    await expect(sidebar.entry(doomed)).toBeVisible();

    await sidebar.openActions(doomed);
    await sidebar.menuItem("Delete").click();
    await sidebar.deleteDialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(sidebar.entry(doomed)).toHaveCount(0);
    await expect(sidebar.entry(keep)).toBeVisible();
    expect((await page.request.get(`/c/${doomed}`)).status()).toBe(404);
  });

  test("search finds a conversation by its message text and opens it from the keyboard", async ({ page, signUpNewUser, db, backend }) => {
    const { ids, sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [
      { title: "Travel", messages: ["Where do zebras migrate in the dry season?"] },
      { title: "Cooking", messages: ["How long do I boil an egg?"] },
    ]);
    await chat.goto("/");
    await sidebar.search.fill("ZEBRAS");
    const result = sidebar.searchResults.getByRole("option");
    await expect(result).toHaveCount(1);
    await expect(result).toContainText("Travel");
    await expect(result).toContainText("Where do zebras migrate");
    await sidebar.search.press("ArrowDown");
    await expect(result).toHaveAttribute("aria-selected", "true");
    await sidebar.search.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/c/${ids[0]}$`));

    await sidebar.search.fill("no such words");
    await expect(sidebar.nav.getByText("No conversations match.")).toBeVisible();
    await sidebar.search.press("Escape");
    await expect(sidebar.search).toHaveValue("");
    await expect(sidebar.entry(ids[1] ?? "")).toBeVisible();
  });

  test("the actions menu works with the keyboard alone", async ({ page, signUpNewUser, db, backend }) => {
    const { ids, sidebar, chat } = await signedInWith({ page, signUpNewUser, db, backend }, [{ title: "Alpha" }, { title: "Beta", daysAgo: 2 }]);
    const beta = ids[1] ?? "";
    await chat.goto("/");
    await sidebar.entry(beta).focus();
    await page.keyboard.press("Tab");
    await expect(sidebar.actionsButton(beta)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(sidebar.menuItem("Rename")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(sidebar.menuItem("Pin")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect.poll(() => sidebar.rows()).toEqual(["# Pinned", "Beta", "# Today", "Alpha"]);

    await sidebar.entry(beta).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(sidebar.menuItem("Rename")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(sidebar.titleField).toBeFocused();
    await page.keyboard.type("Beta renamed");
    await page.keyboard.press("Enter");
    await expect(sidebar.entry(beta)).toHaveText("Beta renamed");

    await sidebar.entry(beta).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowUp");
    await expect(sidebar.menuItem("Delete")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(sidebar.deleteDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(sidebar.deleteDialog).toBeHidden();
    await expect(sidebar.entry(beta)).toBeVisible();
  });

  test("10,000 conversations: the first page loads fast and only a few rows are in the DOM", async ({ page, signUpNewUser, db, backend }) => {
    test.setTimeout(120_000);
    const seedStarted = Date.now();
    const { sidebar } = await signedInWith(
      { page, signUpNewUser, db, backend },
      Array.from({ length: 10_000 }, (_, index) => ({ title: `Conversation ${index + 1}`, daysAgo: Math.floor(index / 20) })),
    );
    const seedMs = Date.now() - seedStarted;

    const loadStarted = Date.now();
    await page.goto("/");
    await expect(sidebar.nav.getByText("Conversation 1", { exact: true })).toBeVisible();
    const firstPageMs = Date.now() - loadStarted;
    const apiStarted = Date.now();
    expect((await page.request.get("/api/conversations?limit=50")).ok()).toBe(true);
    const apiMs = Date.now() - apiStarted;
    const linksAtStart = await sidebar.nav.locator('a[href^="/c/"]').count();

    // Scrolling to the end repeatedly fetches older pages as it goes: until conversations past the 300th are shown
    // (the 300th itself may already be scrolled out of the DOM again).
    const scroller = sidebar.nav.getByTestId("conversation-scroller");
    const scrollStarted = Date.now();
    await expect
      .poll(
        async () => {
          await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
          const numbers = await sidebar.nav.locator('a[href^="/c/"]').allTextContents();
          return Math.max(0, ...numbers.map((text) => Number(text.replace(/\D/g, "")) || 0));
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(300);
    const scrollMs = Date.now() - scrollStarted;
    const linksAfterScroll = await sidebar.nav.locator('a[href^="/c/"]').count();
    const rowsInDom = await sidebar.list.locator(":scope > li").count();

    console.log(
      `[sidebar 10k ${backend.name}] seed ${seedMs} ms, first page visible ${firstPageMs} ms, GET /api/conversations ${apiMs} ms, ` +
        `scroll to 300+ ${scrollMs} ms; links in DOM: ${linksAtStart} at start, ${linksAfterScroll} after scrolling (${rowsInDom} rows)`,
    );
    expect(linksAtStart).toBeLessThan(100);
    expect(rowsInDom).toBeLessThan(150);
  });
});
