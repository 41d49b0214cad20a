// A small reader for the model and enum blocks of a Prisma schema, enough to compare what two schemas define.
// The generated clients only embed a slim data model at run time (names, kinds, types and relation names), so
// optionality, lists, defaults and attributes are read from the schema each client was generated from (the
// schema.prisma Prisma copies next to it); schema.test.ts checks the two agree on every name and type.

export type ParsedField = {
  name: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  /** Field attributes as written, whitespace-normalised and sorted: `@default(now())`, `@unique`, ... */
  attributes: string[];
};

export type ParsedModel = { name: string; fields: ParsedField[]; blockAttributes: string[] };
export type ParsedEnum = { name: string; values: string[] };
export type ParsedSchema = { models: ParsedModel[]; enums: ParsedEnum[] };

/** Removes `//` and `///` comments outside string literals. */
function stripComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === "\\" && inString) index += 1;
    else if (char === '"') inString = !inString;
    else if (!inString && char === "/" && line[index + 1] === "/") return line.slice(0, index);
  }
  return line;
}

/** Splits `@id @default(cuid()) @relation(fields: [a], references: [b])` into its attributes. */
function splitAttributes(text: string): string[] {
  const attributes: string[] = [];
  let depth = 0;
  let inString = false;
  let current = "";
  for (const char of text) {
    if (char === '"') inString = !inString;
    if (!inString && char === "(") depth += 1;
    if (!inString && char === ")") depth -= 1;
    if (!inString && depth === 0 && char === "@" && current.trim() && !current.endsWith("@")) {
      attributes.push(current);
      current = "";
    }
    current += char;
  }
  if (current.trim()) attributes.push(current);
  return attributes.map((attribute) => attribute.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").trim());
}

export function parsePrismaSchema(text: string): ParsedSchema {
  const models: ParsedModel[] = [];
  const enums: ParsedEnum[] = [];
  const lines = text.split(/\r?\n/).map(stripComment);
  let block: { kind: "model" | "enum" | "other"; name: string; body: string[] } | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!block) {
      const open = /^(model|enum|generator|datasource|type|view)\s+(\w+)\s*\{$/.exec(line);
      if (!open) throw new Error(`unexpected line outside a block: ${line}`);
      const kind = open[1] === "model" || open[1] === "enum" ? open[1] : "other";
      if (open[1] === "type" || open[1] === "view") throw new Error(`${open[1]} blocks are not supported by this reader`);
      block = { kind, name: open[2]!, body: [] };
      continue;
    }
    if (line !== "}") {
      block.body.push(line);
      continue;
    }
    if (block.kind === "enum") {
      enums.push({ name: block.name, values: block.body.filter((entry) => !entry.startsWith("@@")).map((entry) => entry.split(/\s+/)[0]!) });
    } else if (block.kind === "model") {
      const fields: ParsedField[] = [];
      const blockAttributes: string[] = [];
      for (const entry of block.body) {
        if (entry.startsWith("@@")) {
          blockAttributes.push(...splitAttributes(entry));
          continue;
        }
        const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(?:\s+(.*))?$/.exec(entry);
        if (!field) throw new Error(`cannot read field line in model ${block.name}: ${entry}`);
        fields.push({
          name: field[1]!,
          type: field[2]!,
          isList: field[3] !== undefined,
          isRequired: field[3] === undefined && field[4] === undefined,
          attributes: field[5] ? splitAttributes(field[5]).sort() : [],
        });
      }
      models.push({ name: block.name, fields, blockAttributes: blockAttributes.sort() });
    }
    block = null;
  }
  if (block) throw new Error(`block ${block.name} is not closed`);
  return { models, enums };
}
