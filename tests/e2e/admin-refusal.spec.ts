import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, expectUnauthorizedJson, test } from "./fixtures";

// Every admin page and every admin route, found on disk so that ones added later are covered too: a plain user gets
// a 404 for each page and a 403 for each method of each route; without a session, routes answer 401.

const ADMIN_ROOT = path.resolve(__dirname, "../../app/(admin)");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** app/(admin)/api/admin/users/[id]/route.ts → /api/admin/users/<placeholder>; route groups "(x)" vanish. */
function urlOf(file: string): string {
  const segments = path
    .relative(ADMIN_ROOT, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? "c0000000000000000000000000" : segment));
  return `/${segments.join("/")}`;
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return METHODS.filter((method) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source));
}

const pages = filesNamed(ADMIN_ROOT, "page.tsx").map(urlOf).sort();
const routes = filesNamed(ADMIN_ROOT, "route.ts")
  .flatMap((file) => exportedMethods(file).map((method) => ({ method, url: urlOf(file) })))
  .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));

test.describe("admin area refuses everyone but admins", () => {
  test("the lists found on disk cover the known pages and routes", () => {
    expect(pages).toEqual(expect.arrayContaining(["/admin", "/admin/users", "/admin/groups", "/admin/settings"]));
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: "GET", url: "/api/admin/users" },
        { method: "PATCH", url: "/api/admin/users/c0000000000000000000000000" },
        { method: "DELETE", url: "/api/admin/groups/c0000000000000000000000000/members/c0000000000000000000000000" },
        { method: "PUT", url: "/api/admin/settings/access" },
      ]),
    );
  });

  test("a plain user gets 404 on every admin page and 403 on every admin route", async ({ page, signUpNewUser }) => {
    test.setTimeout(180_000);
    await signUpNewUser({ prefix: "refused" });
    for (const url of pages) {
      const response = await page.goto(url);
      expect(response?.status(), `${url} should be a 404 for a plain user`).toBe(404);
      await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
    }
    for (const { method, url } of routes) {
      const response = await page.request.fetch(url, { method, data: method === "GET" ? undefined : {} });
      expect(response.status(), `${method} ${url} should be a 403 for a plain user`).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  test("without a session every admin route answers 401", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const { method, url } of routes) {
      await expectUnauthorizedJson(await anonymous.fetch(url, { method, data: method === "GET" ? undefined : {}, maxRedirects: 0 }));
    }
    await anonymous.dispose();
  });
});
