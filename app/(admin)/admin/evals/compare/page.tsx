import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdminPage } from "@/components/admin/admin-page";
import { RunComparisonTable } from "@/components/admin/evals/run-comparison-table";
import { requireEvaluator } from "@/lib/auth/evaluator";
import { getRunResults } from "@/lib/evals/run-report";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare evaluation runs · Admin" };

const querySchema = z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) });

/** Two runs (e.g. of the same set before and after a model change) compared per model. */
export default async function AdminEvalComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEvaluator("/admin/evals");
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const [a, b] = await Promise.all([getRunResults(query.data.a), getRunResults(query.data.b)]);
  if (!a || !b) notFound();
  const label = (run: typeof a) => `${run.setName} (${run.run.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`;
  return (
    <AdminPage
      title="Compare runs"
      description={`Run A: ${label(a)} · Run B: ${label(b)}`}
      actions={
        <Link href="/admin/evals" className="text-sm text-primary underline-offset-4 hover:underline">
          All evaluations
        </Link>
      }
    >
      {a.run.setId !== b.run.setId ? <p className="mb-3 text-sm text-muted-foreground">The runs are of different sets: compare with care.</p> : null}
      <RunComparisonTable a={a} b={b} />
    </AdminPage>
  );
}
