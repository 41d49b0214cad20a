import { Input } from "@/components/ui/input";
import type { SecretStatus } from "@/lib/models/admin-models";
import { checkboxClasses, Field } from "./form-parts";

type SecretFieldProps = {
  id: string;
  label: string;
  /** Undefined on a new model. */
  status: SecretStatus | undefined;
  value: string;
  clear: boolean;
  onChange: (value: string) => void;
  onClearChange: (clear: boolean) => void;
};

/** A write-only credential: the stored value is never sent to the browser, only whether one is set. */
export function SecretField({ id, label, status, value, clear, onChange, onClearChange }: SecretFieldProps) {
  const isSet = status === "set";
  return (
    <Field id={id} label={label} hint={isSet ? "Stored encrypted. Type a new value to replace it." : "Stored encrypted, and never shown again."}>
      <Input
        id={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        disabled={clear}
        placeholder={isSet ? "Set — leave empty to keep" : "Not set"}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      {isSet ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkboxClasses} checked={clear} onChange={(event) => onClearChange(event.target.checked)} />
          Remove the stored {label.toLowerCase()}
        </label>
      ) : null}
    </Field>
  );
}
