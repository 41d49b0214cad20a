import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { describeProblem, ModelsFileError } from "./models-file-error";

/** The file's content as data: YAML for .yaml/.yml, JSON for .json. */
export async function readModelsDocument(file: string): Promise<unknown> {
  const fail = (message: string) => new ModelsFileError(file, [describeProblem(file, {}, message)]);
  const format = /\.ya?ml$/i.test(file) ? "yaml" : /\.json$/i.test(file) ? "json" : null;
  if (!format) throw fail("must be a .yaml, .yml or .json file");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw fail(`cannot read it: ${(error as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, "");
  try {
    // merge: lets entries share settings through an anchor, e.g. `<<: *azure`.
    return format === "yaml" ? parseYaml(text, { merge: true }) : JSON.parse(text);
  } catch (error) {
    throw fail(`is not valid ${format === "yaml" ? "YAML" : "JSON"}: ${(error as Error).message}`);
  }
}
