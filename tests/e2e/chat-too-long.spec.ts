import { expect, test } from "./fixtures";
import { ChatPage } from "./pages/chat";
import { DEMO_MODELS } from "./support/models-file";

// When the backend refuses before the first token (issue 10): an overloaded backend is asked again and the answer
// says so while it waits; a conversation the model can no longer take offers to go on in a new chat. The magic
// phrases make the fakes of tests/fakes refuse (tests/fakes/scenarios.ts). Database-independent: SQLite only.

test.describe("answers the backend refused", () => {
  test("an overloaded backend: the answer says it is retrying, numbered", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ page, prefix: "overloaded" });
    const chat = new ChatPage(page);
    // The first retry's status shows for one second: recorded in the page, so a busy machine's slow polls cannot miss it.
    const statuses = await chat.watchStatus(
      () => chat.ask("[[fake:rate-limit]] Are you busy?", { model: DEMO_MODELS.tgi.name }),
      "The model is busy: retrying (2)…",
    );
    expect(statuses.filter((status) => status.includes("retrying"))).toEqual(["The model is busy: retrying (1)…", "The model is busy: retrying (2)…"]);
  });

  test("too long for the model: Continue in a new chat starts one with the model, the last question and where it stood", async ({ page, signUpNewUser }) => {
    await signUpNewUser({ page, prefix: "too-long" });
    const chat = new ChatPage(page);
    await chat.ask("What is a llama?", { model: DEMO_MODELS.vllm.name });
    await expect(chat.answerText()).not.toBeEmpty({ timeout: 20_000 });
    await expect(chat.send).toBeVisible({ timeout: 20_000 });
    await chat.ask("[[fake:bad-request]] And an alpaca?");
    await expect(chat.alert("too long for this model")).toBeVisible();
    const conversationId = await chat.conversationId();

    await page.getByRole("link", { name: "Continue in a new chat" }).click();

    await expect(page).toHaveURL(`/?continue=${conversationId}`);
    await expect(page.getByTestId("continued-from")).toContainText("Continues:");
    await expect(chat.model).toHaveValue(DEMO_MODELS.vllm.id);
    await expect(chat.message).toHaveValue(/^\(Continued from “.+”, which grew too long for the model\. Where it stood:\)\n/);
    await expect(chat.message).toHaveValue(/> \*\*Me:\*\* What is a llama\?/);
    await expect(chat.message).toHaveValue(/\[\[fake:bad-request\]\] And an alpaca\?$/);
  });
});
