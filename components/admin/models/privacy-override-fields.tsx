import { actionLabel, categoryLabel } from "@/components/admin/privacy/privacy-labels";
import { type Boundary, type FindingCategory, findingCategories, type PrivacyAction, privacyActions } from "@/lib/privacy/policy";
import { Field, selectClasses } from "./form-parts";

/** The model's own action per category; a category left out follows its boundary's policy (Admin → Privacy). */
export type CategoryOverrides = Partial<Record<FindingCategory, PrivacyAction>>;

type PrivacyOverrideFieldsProps = {
  /** Where the model runs as the form stands: whose policy "As its boundary" means. */
  boundary: Boundary;
  value: CategoryOverrides;
  onChange: (value: CategoryOverrides) => void;
};

/** One select per category: "As its boundary", or Allow, Ask first, Replace with placeholders, Block. */
export function PrivacyOverrideFields({ boundary, value, onChange }: PrivacyOverrideFieldsProps) {
  const choose = (category: FindingCategory, action: string) => {
    const { [category]: _previous, ...others } = value;
    onChange(action === "" ? others : { ...others, [category]: action as PrivacyAction });
  };
  return findingCategories.map((category) => (
    <Field key={category} id={`model-privacy-${category}`} label={categoryLabel[category]}>
      <select
        id={`model-privacy-${category}`}
        className={selectClasses}
        value={value[category] ?? ""}
        onChange={(event) => choose(category, event.target.value)}
      >
        <option value="">As its boundary ({boundary})</option>
        {privacyActions.map((action) => (
          <option key={action} value={action}>
            {actionLabel[action]}
          </option>
        ))}
      </select>
    </Field>
  ));
}
