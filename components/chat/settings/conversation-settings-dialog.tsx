"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { SaveAsPreset } from "./save-as-preset";
import { SettingsFormFields } from "./settings-fields";
import { type FieldErrors, fieldsOf, parseSettingsFields, type SettingsFields, type SettingsValues } from "./settings-values";

/** What the dialog edits: the current choices and the model they are checked against. */
export interface SettingsSubject {
  values: SettingsValues;
  modelId: string | null;
  modelName: string | null;
  maxOutputTokensLimit: number | null;
}

type ConversationSettingsDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Null while loading. */
  subject: SettingsSubject | null;
  loadError: string | null;
  /** Stores the values; resolves to an error message to show, or null when saved. */
  onSave: (values: SettingsValues) => Promise<string | null>;
  description: string;
};

/** The settings of one conversation (or of the chat about to start): system prompt, temperature, answer length. */
export function ConversationSettingsDialog({ open, onClose, subject, loadError, onSave, description }: ConversationSettingsDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Conversation settings" description={description} className="w-[min(34rem,calc(100vw-2rem))]">
      {loadError ? (
        <Alert>{loadError}</Alert>
      ) : subject ? (
        // Keyed by the subject: reopening starts from what is stored, not from an abandoned edit.
        <SettingsForm key={JSON.stringify(subject)} subject={subject} onSave={onSave} onClose={onClose} />
      ) : (
        <p role="status" className="flex items-center gap-2 py-6 text-sm text-muted-foreground">
          <Spinner /> Loading settings…
        </p>
      )}
    </Dialog>
  );
}

function SettingsForm({
  subject,
  onSave,
  onClose,
}: {
  subject: SettingsSubject;
  onSave: (values: SettingsValues) => Promise<string | null>;
  onClose: () => void;
}) {
  const [fields, setFields] = useState<SettingsFields>(() => fieldsOf(subject.values));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // Loaded after the dialog opened: start at the first field (when it opened with the form, Dialog did).
  useEffect(() => {
    if (form.current?.closest("dialog")?.open) form.current.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);

  const validValues = (): SettingsValues | null => {
    const parsed = parseSettingsFields(fields, subject.maxOutputTokensLimit);
    if ("errors" in parsed) {
      setErrors(parsed.errors);
      return null;
    }
    setErrors({});
    return parsed.values;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = validValues();
    if (!values) return;
    setSaving(true);
    setError(null);
    const problem = await onSave(values);
    setSaving(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate className="grid gap-5">
      <SettingsFormFields
        fields={fields}
        onChange={setFields}
        errors={errors}
        maxOutputTokensLimit={subject.maxOutputTokensLimit}
        modelName={subject.modelName}
      />
      {error && <Alert>{error}</Alert>}
      <SaveAsPreset currentValues={validValues} modelId={subject.modelId} />
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving}>
          {saving && <Spinner />}
          Save settings
        </Button>
      </div>
    </form>
  );
}
