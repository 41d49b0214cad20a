import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { DEMO_MODELS } from "./support/models-file";

// Evaluations end to end: an admin uploads a set (the preview first), runs it over two demo models, follows the
// progress to the results, downloads the CSV; a bad file is refused with its line. The fakes answer with whatever
// follows [[fake:echo]] in the prompt, so each item's answer is chosen here: two of three are right for every model.

const ECHO = "[[fake:echo]]";

function csvFile(name: string, rows: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(["prompt,expected,tags", ...rows].join("\n")) };
}

test.describe("evaluations", () => {
  test("upload → preview → run over two models → live progress → results → CSV", async ({ adminPage: page }) => {
    test.setTimeout(90_000);
    const setName = `E2E arithmetic ${Date.now()}`;
    await page.goto("/admin/evals");
    await expect(page.getByRole("heading", { name: "Evaluations", level: 1 })).toBeVisible();

    await page.getByLabel("Grader (items may name their own)").selectOption("number");
    await page
      .getByLabel("File")
      .setInputFiles(csvFile("arithmetic.csv", [`"${ECHO} The answer is 4",4,en`, `"${ECHO} 10, I think",10,fr`, `"${ECHO} It is 7",6,en`]));
    const preview = page.getByTestId("eval-set-preview");
    await expect(preview.getByRole("status")).toHaveText("3 items (csv), tags: en, fr.");
    await expect(preview.getByRole("row")).toHaveCount(4);
    await page.getByLabel("Name", { exact: true }).fill(setName);
    await page.getByRole("button", { name: "Save set" }).click();
    await expect(page.getByTestId("eval-sets")).toContainText(setName);

    const start = page.getByRole("form", { name: "Start a run" });
    await start.getByLabel("Set", { exact: true }).selectOption({ label: `${setName} (3 items)` });
    await start.getByLabel(DEMO_MODELS.vllm.name).check();
    await start.getByLabel(DEMO_MODELS.azure.name).check();
    await start.getByRole("button", { name: "Start run" }).click();

    await expect(page).toHaveURL(/\/admin\/evals\/runs\/[^/]+$/);
    await expect(page.getByTestId("run-model-progress")).toHaveCount(2);
    await expect(page.getByTestId("run-status")).toHaveText("completed", { timeout: 30_000 });
    await expect(page.getByTestId("run-model-progress").first()).toContainText("3 / 3");

    const summary = page.getByTestId("run-summary");
    for (const model of [DEMO_MODELS.vllm.name, DEMO_MODELS.azure.name]) {
      const row = summary.getByRole("row").filter({ hasText: model });
      await expect(row.getByRole("cell").nth(1)).toHaveText("2 / 3");
    }
    await expect(page.getByTestId("run-item-row")).toHaveCount(3);
    // Both models agree on every item, so the disagreement filter leaves none.
    await page.getByLabel("Only where the models disagree").check();
    await expect(page.getByTestId("run-item-row")).toHaveCount(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^evaluation-.+\.csv$/);
    const csv = (await readFile((await download.path()) ?? "", "utf8")).trim().split("\r\n");
    expect(csv[0]).toBe("item,prompt,expected,tags,model,verdict,answer,reason,ttft_ms,total_ms,input_tokens,output_tokens,cost_usd");
    expect(csv).toHaveLength(1 + 3 * 2);
    expect(csv.filter((line) => line.includes(",wrong,"))).toHaveLength(2);
  });

  test("a bad file is refused with the line and the reason, and nothing is saved", async ({ adminPage: page }) => {
    await page.goto("/admin/evals");
    await page.getByLabel("File").setInputFiles(csvFile("broken.csv", ["What is 2 + 2?,4", " ,5", "What is 3 + 3?,6"]));
    const problems = page.getByTestId("eval-set-problems");
    await expect(problems.getByRole("alert")).toContainText("The file was not saved");
    await expect(problems.getByRole("listitem")).toHaveText(["Line 3: empty prompt"]);
    await expect(page.getByRole("button", { name: "Save set" })).toBeDisabled();
  });
});
