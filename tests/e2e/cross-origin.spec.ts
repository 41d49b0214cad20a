import { expect, test } from "./fixtures";
import { DEFAULT_FAKES_PORT } from "./support/fake-backends";
import { fakeBackendUrls } from "./support/models-file";

// Forced actions from another origin of the same site: a page served from another port of the same host is
// "same-site", so the browser sends the Lax session cookie along; the app must still refuse to change anything.

const OTHER_ORIGIN = fakeBackendUrls(Number(process.env.E2E_FAKES_PORT || DEFAULT_FAKES_PORT)).tgi;

test("a page on another origin of the same site cannot create anything as the user, by script or by form", async ({ page, baseURL, signUpNewUser }) => {
  await signUpNewUser({ prefix: "csrf" });
  expect((await page.request.post("/api/presets", { data: { name: "Mine" } })).status()).toBe(201);

  await page.goto(`${OTHER_ORIGIN}/health`);
  // A script's POST: sent without a preflight (no-cors, text/plain); its answer is opaque to the script.
  const sent = await page.evaluate(
    (app) =>
      fetch(`${app}/api/presets`, {
        method: "POST",
        credentials: "include",
        mode: "no-cors",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ name: "Planted" }),
      }).then(
        () => "sent",
        (error: Error) => `failed: ${error.message}`,
      ),
    baseURL,
  );
  expect(sent).toBe("sent");

  // A plain form, text/plain, whose one field spells valid JSON: the classic forced POST.
  const formAnswer = page.waitForResponse((response) => response.url() === `${baseURL}/api/presets`);
  const formNavigation = page.waitForURL(`${baseURL}/api/presets`);
  await page.evaluate((app) => {
    const form = document.createElement("form");
    form.method = "POST";
    form.enctype = "text/plain";
    form.action = `${app}/api/presets`;
    const input = document.createElement("input");
    input.name = '{"name":"Form planted","systemPrompt":"';
    input.value = '"}';
    form.append(input);
    document.body.append(form);
    form.submit();
  }, baseURL);
  await formNavigation;
  expect((await formAnswer).status()).toBe(403);

  const after = await page.request.get(`${baseURL}/api/presets`);
  const { presets } = (await after.json()) as { presets: { id: string; name: string }[] };
  expect(presets.map((preset) => preset.name)).toEqual(["Mine"]);
});
