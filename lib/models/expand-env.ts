// `${VAR}` in a string value is replaced by the environment variable; `$${VAR}` stands for a literal `${VAR}`.

const REFERENCE = /\$(\$?)\{([^}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type ValuePath = (string | number)[];

export interface ExpansionProblem {
  path: ValuePath;
  message: string;
}

/** A copy of `value` with every string expanded; keys are left as they are. */
export function expandEnvReferences(value: unknown, env: Record<string, string | undefined>): { value: unknown; problems: ExpansionProblem[] } {
  const problems: ExpansionProblem[] = [];

  function expandString(text: string, path: ValuePath): string {
    return text.replace(REFERENCE, (reference, escaped: string, name: string) => {
      if (escaped) return reference.slice(1);
      if (!VARIABLE_NAME.test(name)) {
        problems.push({ path, message: `${JSON.stringify(reference)} is not a variable reference (write $${reference} for the text itself)` });
        return reference;
      }
      const replacement = env[name];
      // Empty counts as unset, as it does for the app's own variables.
      if (replacement === undefined || replacement === "") {
        problems.push({ path, message: `environment variable ${name} is not set` });
        return reference;
      }
      return replacement;
    });
  }

  function walk(node: unknown, path: ValuePath): unknown {
    if (typeof node === "string") return expandString(node, path);
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return node;
  }

  return { value: walk(value, []), problems };
}
