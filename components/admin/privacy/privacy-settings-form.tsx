"use client";

import { type FormEvent, useId, useState } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { NativeSelect } from "@/components/admin/native-select";
import { SaveBar, useSaveStatus } from "@/components/admin/save-bar";
import { Label } from "@/components/ui/label";
import type { PrivacySettings } from "@/lib/db/privacy-settings";
import { type Boundary, boundaries, type FindingCategory, findingCategories, type PrivacyAction, privacyActions, resolvePolicy } from "@/lib/privacy/policy";
import { callAdminApi } from "../admin-api";
import { actionLabel, categoryLabel } from "./privacy-labels";
import { rulesToText, textToRules } from "./privacy-rules-text";

type Choices = Record<Boundary, Record<FindingCategory, PrivacyAction>>;

const textareaClass =
  "block w-full rounded-md border border-input bg-card px-3 py-2 font-mono text-[13px] text-foreground shadow-xs focus-visible:border-ring focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/25";

/** Each boundary's action per category, and the confidential terms and patterns. Saved together. */
export function PrivacySettingsForm({ initial }: { initial: PrivacySettings }) {
  const id = useId();
  const [choices, setChoices] = useState<Choices>(() => {
    const entries = boundaries.map((boundary) => [boundary, resolvePolicy(boundary, initial.boundaryPolicies[boundary]).byCategory]);
    return Object.fromEntries(entries) as Choices;
  });
  const [terms, setTerms] = useState(rulesToText(initial.customRules, "term"));
  const [patterns, setPatterns] = useState(rulesToText(initial.customRules, "pattern"));
  const { status, save, changed } = useSaveStatus();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Single-type overrides and the confidence threshold are kept as they were (set through the API or a future form).
    const boundaryPolicies = Object.fromEntries(
      boundaries.map((boundary) => [boundary, { ...initial.boundaryPolicies[boundary], byCategory: choices[boundary] }]),
    );
    const customRules = [...textToRules(terms, "term"), ...textToRules(patterns, "pattern")];
    await save(() => callAdminApi<PrivacySettings>("/api/admin/privacy", "PUT", { boundaryPolicies, customRules }));
  }

  const choose = (boundary: Boundary, category: FindingCategory, action: PrivacyAction) => {
    setChoices((current) => ({ ...current, [boundary]: { ...current[boundary], [category]: action } }));
    changed();
  };

  return (
    <AdminSection
      id="privacy-settings"
      title="Change the policy"
      description="Applies to every model of the boundary that does not set its own. Changes apply to the next message sent."
    >
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 grid gap-5" aria-label="Privacy policy">
        {boundaries.map((boundary) => (
          <fieldset key={boundary} className="grid gap-3 sm:grid-cols-3">
            <legend className="mb-2 text-sm font-medium capitalize">{boundary} models</legend>
            {findingCategories.map((category) => (
              <div key={category} className="grid gap-1.5">
                <Label htmlFor={`${id}-${boundary}-${category}`}>{categoryLabel[category]}</Label>
                <NativeSelect
                  id={`${id}-${boundary}-${category}`}
                  value={choices[boundary][category]}
                  onChange={(event) => choose(boundary, category, event.target.value as PrivacyAction)}
                >
                  {privacyActions.map((action) => (
                    <option key={action} value={action}>
                      {actionLabel[action]}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            ))}
          </fieldset>
        ))}
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-terms`}>Confidential terms</Label>
            <textarea
              id={`${id}-terms`}
              rows={5}
              value={terms}
              onChange={(event) => setTerms(event.target.value)}
              placeholder={"PROJECT: Falcon\nCUSTOMER: Contoso Ltd"}
              spellCheck={false}
              aria-describedby={`${id}-terms-hint`}
              className={textareaClass}
            />
            <p id={`${id}-terms-hint`} className="text-xs text-muted-foreground">
              One per line, whole words, any case. An optional label in capitals names the placeholder ([PROJECT_1]).
            </p>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-patterns`}>Confidential patterns</Label>
            <textarea
              id={`${id}-patterns`}
              rows={5}
              value={patterns}
              onChange={(event) => setPatterns(event.target.value)}
              placeholder={"CUSTOMER_ID: CUST-\\d{6}"}
              spellCheck={false}
              aria-describedby={`${id}-patterns-hint`}
              className={textareaClass}
            />
            <p id={`${id}-patterns-hint`} className="text-xs text-muted-foreground">
              One regular expression per line (RE2: no backreferences or lookarounds), with an optional label.
            </p>
          </div>
        </div>
        <SaveBar label="Save privacy policy" status={status} savedText="Saved. Reload to see the effective policy." />
      </form>
    </AdminSection>
  );
}
