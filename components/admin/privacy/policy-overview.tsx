import { AdminSection } from "@/components/admin/admin-section";
import type { BoundaryPolicies } from "@/lib/db/privacy-settings";
import type { ModelPrivacyRow } from "@/lib/models/model-privacy";
import { findingTypeName } from "@/lib/privacy/describe";
import { boundaryOfModel, policyForModel } from "@/lib/privacy/model-policy";
import { boundaries, findingCategories, type PrivacyPolicy, resolvePolicy } from "@/lib/privacy/policy";
import type { FindingType } from "@/lib/privacy/types";
import { actionLabel, categoryLabel } from "./privacy-labels";

const cell = "px-3 py-2 text-left align-top";

function typeOverrides(policy: PrivacyPolicy): string {
  const entries = Object.entries(policy.byType) as [FindingType, PrivacyPolicy["byCategory"]["personal"]][];
  return entries.map(([type, action]) => `${findingTypeName(type)}: ${actionLabel[action].toLowerCase()}`).join("; ") || "—";
}

function PolicyCells({ policy }: { policy: PrivacyPolicy }) {
  return (
    <>
      {findingCategories.map((category) => (
        <td key={category} className={cell}>
          {actionLabel[policy.byCategory[category]]}
        </td>
      ))}
      <td className={cell}>{typeOverrides(policy)}</td>
    </>
  );
}

function PolicyHead({ first }: { first: string }) {
  return (
    <thead className="border-b border-border text-xs text-muted-foreground">
      <tr>
        <th scope="col" className={cell}>
          {first}
        </th>
        {findingCategories.map((category) => (
          <th key={category} scope="col" className={cell}>
            {categoryLabel[category]}
          </th>
        ))}
        <th scope="col" className={cell}>
          Single types
        </th>
      </tr>
    </thead>
  );
}

/** What happens to findings, per boundary (defaults with the admin's changes) and per model (with its own). */
export function PolicyOverview({ boundaryPolicies, models }: { boundaryPolicies: BoundaryPolicies; models: ModelPrivacyRow[] }) {
  return (
    <AdminSection
      id="privacy-policy"
      title="Effective policy"
      description={
        <>
          Internal models run inside the company, external ones are cloud services. A model&apos;s own settings (<code>privacy</code> in its config) go on top
          of its boundary&apos;s policy.
        </>
      }
    >
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Policy per boundary</caption>
          <PolicyHead first="Boundary" />
          <tbody>
            {boundaries.map((boundary) => (
              <tr key={boundary} className="border-b border-border last:border-0">
                <th scope="row" className={`${cell} font-medium capitalize`}>
                  {boundary}
                </th>
                <PolicyCells policy={resolvePolicy(boundary, boundaryPolicies[boundary])} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-sm" data-testid="privacy-models">
          <caption className="sr-only">Policy per model</caption>
          <PolicyHead first="Model" />
          <tbody>
            {models.map((model) => {
              const fields = { provider: model.provider, boundary: model.boundary ?? undefined, privacy: model.override ?? undefined };
              const boundary = boundaryOfModel(fields);
              return (
                <tr key={model.id} className="border-b border-border last:border-0">
                  <th scope="row" className={`${cell} font-medium`}>
                    {model.name}
                    <span className="block text-xs font-normal text-muted-foreground">
                      {boundary}
                      {model.boundary ? "" : " (provider default)"}
                      {model.override ? ", own policy" : ""}
                      {model.enabled ? "" : ", disabled"}
                    </span>
                  </th>
                  <PolicyCells policy={policyForModel(fields, boundaryPolicies)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </AdminSection>
  );
}
