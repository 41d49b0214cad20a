import { ShieldAlert } from "lucide-react";

const CATEGORY_NAMES: Record<string, string> = {
  hate: "hate",
  sexual: "sexual content",
  violence: "violence",
  self_harm: "self-harm",
  protected_material_text: "protected material",
  protected_material_code: "protected code",
  jailbreak: "jailbreak attempt",
  profanity: "profanity",
};

function categoryList(categories: string[]): string {
  return categories.map((category) => CATEGORY_NAMES[category] ?? category.replace(/_/g, " ")).join(", ");
}

/** The model's content policy withheld (the rest of) an answer: an outcome to explain, not an error. */
export function PolicyNotice({ categories }: { categories: string[] }) {
  return (
    <div
      role="note"
      className="mt-3 flex items-start gap-2.5 rounded-lg border border-amber-500/30 bg-amber-500/10 px-3.5 py-3 text-sm text-amber-900 dark:text-amber-200"
    >
      <ShieldAlert aria-hidden="true" className="mt-px size-4 shrink-0" />
      <p className="leading-5">
        <span className="font-medium">Blocked by the content policy.</span> The model&apos;s safety filter withheld the rest of this answer
        {categories.length > 0 && <> ({categoryList(categories)})</>}. Try rephrasing your request.
      </p>
    </div>
  );
}
