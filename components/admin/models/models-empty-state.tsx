import { Boxes, Plus } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** No models at all: say the two ways to get one. */
export function ModelsEmptyState() {
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed bg-card px-6 py-14 text-center">
      <span aria-hidden="true" className="flex size-11 items-center justify-center rounded-full bg-muted">
        <Boxes className="size-5 text-muted-foreground" />
      </span>
      <h2 className="mt-4 text-base font-semibold">No models yet — add one or set MODELS_FILE</h2>
      <p className="mt-1.5 max-w-md text-sm text-muted-foreground">
        Add a model here, or list them in a YAML or JSON file named by the MODELS_FILE environment variable; it is read at every start.
      </p>
      <Link href="/admin/models/new" className={cn(buttonClasses(), "mt-5")}>
        <Plus aria-hidden="true" />
        Add model
      </Link>
    </div>
  );
}
