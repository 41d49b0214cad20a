import Link from "next/link";
import type { AccessGroup } from "@/lib/db/model-access";
import { checkboxClasses } from "./form-parts";

type AccessPickerProps = {
  groups: AccessGroup[];
  restricted: boolean;
  selected: Set<string>;
  onRestrictedChange: (restricted: boolean) => void;
  onToggle: (groupId: string, checked: boolean) => void;
};

/** Everyone, or only the members of the chosen groups (admins may always use every model). */
export function AccessPicker({ groups, restricted, selected, onRestrictedChange, onToggle }: AccessPickerProps) {
  return (
    <fieldset className="grid gap-3 sm:col-span-2">
      <legend className="sr-only">Who may use this model</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="access" className={checkboxClasses} checked={!restricted} onChange={() => onRestrictedChange(false)} />
        Everyone
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="access" className={checkboxClasses} checked={restricted} onChange={() => onRestrictedChange(true)} />
        Only members of these groups
      </label>
      {restricted ? (
        groups.length === 0 ? (
          <p className="ml-6 text-sm text-muted-foreground">
            No groups yet. Create them under{" "}
            <Link href="/admin/groups" className="font-medium text-foreground underline underline-offset-4">
              Groups
            </Link>
            , or groups arrive with people signing in through SSO.
          </p>
        ) : (
          <fieldset className="ml-6 grid max-h-64 gap-2 overflow-y-auto rounded-lg border p-3 sm:grid-cols-2">
            <legend className="sr-only">Groups</legend>
            {groups.map((group) => (
              <label key={group.id} className="flex min-w-0 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className={checkboxClasses}
                  checked={selected.has(group.id)}
                  onChange={(event) => onToggle(group.id, event.target.checked)}
                />
                <span className="truncate">{group.name}</span>
              </label>
            ))}
          </fieldset>
        )
      ) : null}
    </fieldset>
  );
}
