import "server-only";
import type { EvalTurn, GraderKind, ParsedEvalItem, SetFormat } from "@/lib/evals/eval-item";
import { getDb } from "./client";

// Evaluation sets and their items (Admin → Evaluations). Runs and results: evals-runs.ts.

export interface EvalSetSummary {
  id: string;
  name: string;
  format: SetFormat;
  grader: GraderKind;
  itemCount: number;
  tags: string[];
  createdAt: Date;
}

export interface StoredEvalItem {
  id: string;
  position: number;
  input: EvalTurn[];
  ideal: string[];
  tags: string[];
  grader: GraderKind | null;
}

/** Saves a parsed set and all its items in one transaction: nothing is half-saved. */
export async function createEvalSet(input: {
  name: string;
  format: SetFormat;
  grader: GraderKind;
  items: readonly ParsedEvalItem[];
  /** null for a set loaded from EVAL_SETS_DIR. */
  createdById: string | null;
}): Promise<EvalSetSummary> {
  const tags = [...new Set(input.items.flatMap((item) => item.tags))].sort();
  const set = await getDb().$transaction(async (tx) => {
    const created = await tx.evalSet.create({
      data: { name: input.name, format: input.format, grader: input.grader, itemCount: input.items.length, tags, createdById: input.createdById },
    });
    await tx.evalItem.createMany({
      data: input.items.map((item, position) => ({
        setId: created.id,
        position,
        input: item.input as unknown as object,
        ideal: item.ideal,
        tags: item.tags,
        grader: item.grader ?? null,
      })),
    });
    return created;
  });
  return toSummary(set);
}

export async function listEvalSets(): Promise<EvalSetSummary[]> {
  const rows = await getDb().evalSet.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(toSummary);
}

export async function evalSetNameExists(name: string): Promise<boolean> {
  return (await getDb().evalSet.count({ where: { name } })) > 0;
}

export async function getEvalSet(id: string): Promise<EvalSetSummary | null> {
  const row = await getDb().evalSet.findUnique({ where: { id } });
  return row && toSummary(row);
}

/** Deletes the set with its items, runs and results. False when there was none. */
export async function deleteEvalSet(id: string): Promise<boolean> {
  const { count } = await getDb().evalSet.deleteMany({ where: { id } });
  return count === 1;
}

/** The set's items in file order. */
export async function listEvalItems(setId: string): Promise<StoredEvalItem[]> {
  const rows = await getDb().evalItem.findMany({ where: { setId }, orderBy: { position: "asc" } });
  return rows.map(toItem);
}

function toSummary(row: { id: string; name: string; format: string; grader: string; itemCount: number; tags: unknown; createdAt: Date }): EvalSetSummary {
  return {
    id: row.id,
    name: row.name,
    format: row.format as SetFormat,
    grader: row.grader as GraderKind,
    itemCount: row.itemCount,
    tags: stringList(row.tags),
    createdAt: row.createdAt,
  };
}

function toItem(row: { id: string; position: number; input: unknown; ideal: unknown; tags: unknown; grader: string | null }): StoredEvalItem {
  return {
    id: row.id,
    position: row.position,
    input: Array.isArray(row.input) ? (row.input as EvalTurn[]) : [],
    ideal: stringList(row.ideal),
    tags: stringList(row.tags),
    grader: row.grader as GraderKind | null,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}
