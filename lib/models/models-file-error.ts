/** Where a problem is: the entry (1-based index, and its id when it has one) and the field path in it. */
export interface ProblemLocation {
  entry?: { index: number; id?: string };
  field?: (string | number)[];
}

/** Everything wrong with a MODELS_FILE, each problem naming the file, the entry and the field. */
export class ModelsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.join("\n"));
    this.name = "ModelsFileError";
  }
}

/** `MODELS_FILE ./models.yaml: entry 2 (id "gpt-4o"), field "deployment": Required` */
export function describeProblem(file: string, { entry, field }: ProblemLocation, message: string): string {
  const where = [
    entry && `entry ${entry.index}${entry.id === undefined ? "" : ` (id ${JSON.stringify(entry.id)})`}`,
    field?.length && `field ${JSON.stringify(field.join("."))}`,
  ].filter(Boolean);
  return `MODELS_FILE ${file}: ${where.length ? `${where.join(", ")}: ` : ""}${message}`;
}
