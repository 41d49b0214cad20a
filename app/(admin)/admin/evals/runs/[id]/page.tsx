import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminPage } from "@/components/admin/admin-page";
import { RunView } from "@/components/admin/evals/run-view";
import { requireEvaluator } from "@/lib/auth/evaluator";
import { getRunResults } from "@/lib/evals/run-report";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evaluation run · Admin" };

export default async function AdminEvalRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEvaluator(`/admin/evals/runs/${id}`);
  const report = await getRunResults(id);
  if (!report) notFound();
  return (
    <AdminPage
      title={`Run: ${report.setName}`}
      description={`${report.run.models.map((model) => model.name).join(" vs ")}${report.run.sampleSize ? ` · a sample of ${report.run.sampleSize} items` : ""}`}
      actions={
        <Link href="/admin/evals" className="text-sm text-primary underline-offset-4 hover:underline">
          All evaluations
        </Link>
      }
    >
      <RunView initial={JSON.parse(JSON.stringify(report))} />
    </AdminPage>
  );
}
