"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { AccessGroup } from "@/lib/db/model-access";
import type { AdminModel } from "@/lib/models/admin-models";
import { type SecretField, secretFieldsFor } from "@/lib/models/model-secrets-fields";
import { boundaryOfModel } from "@/lib/privacy/model-policy";
import { boundarySchema } from "@/lib/privacy/policy-schema";
import { AccessPicker } from "./access-picker";
import { ConnectionFields } from "./connection-fields";
import { checkboxClasses, Field, FormSection, textareaClasses } from "./form-parts";
import { createModelRequest, updateModelRequest } from "./model-admin-api";
import { buildModelBody, initialFormValues, type ModelFormValues, slugFromName } from "./model-form-values";
import { PrivacyOverrideFields } from "./privacy-override-fields";
import { SECRET_LABELS } from "./provider-fields";
import { SecretField as SecretInput } from "./secret-field";

type ModelFormProps = {
  /** Null: a new model. */
  model: AdminModel | null;
  groups: AccessGroup[];
};

/** Add or edit a model. A model from MODELS_FILE is shown read-only. Nothing typed is lost when saving fails. */
export function ModelForm({ model, groups }: ModelFormProps) {
  const router = useRouter();
  const [values, setValues] = useState<ModelFormValues>(() => initialFormValues(model));
  const [idTouched, setIdTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readOnly = model?.managedByFile ?? false;

  const update = (changes: Partial<ModelFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const setSecret = (field: SecretField, value: string) => setValues((current) => ({ ...current, secrets: { ...current.secrets, [field]: value } }));
  const setClear = (field: SecretField, clear: boolean) =>
    setValues((current) => ({
      ...current,
      clearSecrets: clear ? [...current.clearSecrets, field] : current.clearSecrets.filter((name) => name !== field),
      secrets: { ...current.secrets, [field]: "" },
    }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly || saving) return;
    const built = buildModelBody(values, model);
    if (!built.ok) return setError(built.message);
    setSaving(true);
    setError(null);
    try {
      await (model ? updateModelRequest(model.id, built.body) : createModelRequest(built.body));
      router.push("/admin/models");
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  }

  const secretFields = secretFieldsFor({ provider: values.provider, auth: values.connection.auth });
  const chosenBoundary = boundarySchema.safeParse(values.connection.boundary);
  const boundary = boundaryOfModel({ provider: values.provider, boundary: chosenBoundary.success ? chosenBoundary.data : undefined });
  return (
    <form onSubmit={submit} noValidate aria-label={model ? `Edit ${model.name}` : "Add a model"} className="grid gap-6">
      {readOnly ? (
        <p role="note" className="rounded-lg border bg-muted px-4 py-3 text-sm">
          <span className="font-medium">Managed by file.</span> This model comes from MODELS_FILE: change it there. The file is read at every start of the
          server.
        </p>
      ) : null}
      <fieldset disabled={readOnly || saving} className="grid min-w-0 gap-6">
        <FormSection title="Model" description="How people see it in the Model picker.">
          <Field id="model-name" label="Name">
            <Input
              id="model-name"
              required
              maxLength={100}
              value={values.name}
              placeholder="Llama 2 70B"
              onChange={(event) => update({ name: event.target.value, ...(model || idTouched ? {} : { id: slugFromName(event.target.value) }) })}
            />
          </Field>
          <Field
            id="model-id"
            label="ID"
            hint={model ? "The id cannot change: conversations and usage records refer to it." : "Lowercase letters, digits, '-', '.' and '_'."}
          >
            <Input
              id="model-id"
              required
              maxLength={64}
              value={values.id}
              readOnly={Boolean(model)}
              aria-describedby="model-id-hint"
              spellCheck={false}
              onChange={(event) => {
                setIdTouched(true);
                update({ id: event.target.value });
              }}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" className={checkboxClasses} checked={values.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
            Enabled: people can choose it
          </label>
        </FormSection>

        <FormSection title="Connection" description="Where the model runs. Keys are stored encrypted and never shown again.">
          <ConnectionFields values={values} onChange={update} />
          {secretFields.map((field) => (
            <SecretInput
              key={field}
              id={`model-${field}`}
              label={SECRET_LABELS[field]}
              status={model?.secrets[field]}
              value={values.secrets[field]}
              clear={values.clearSecrets.includes(field)}
              onChange={(value) => setSecret(field, value)}
              onClearChange={(clear) => setClear(field, clear)}
            />
          ))}
        </FormSection>

        <FormSection
          title="Privacy"
          description="What this model's requests may carry. Each category follows its boundary's policy (Admin → Privacy) unless set here."
        >
          <PrivacyOverrideFields boundary={boundary} value={values.privacy} onChange={(privacy) => update({ privacy })} />
        </FormSection>

        <FormSection title="Limits and defaults" description="The chat trims history to the context window and caps each answer.">
          <Field id="model-max-output" label="Max output tokens" hint="Longest answer. Empty: the backend's own limit.">
            <Input
              id="model-max-output"
              inputMode="numeric"
              value={values.maxOutputTokens}
              aria-describedby="model-max-output-hint"
              onChange={(event) => update({ maxOutputTokens: event.target.value })}
            />
          </Field>
          <Field id="model-context" label="Context window (tokens)" hint="Prompt plus answer. Empty: no trimming.">
            <Input
              id="model-context"
              inputMode="numeric"
              value={values.contextWindow}
              aria-describedby="model-context-hint"
              onChange={(event) => update({ contextWindow: event.target.value })}
            />
          </Field>
          <Field id="model-temperature" label="Temperature" hint="0 to 2. Empty: the backend's default.">
            <Input
              id="model-temperature"
              inputMode="decimal"
              value={values.temperature}
              aria-describedby="model-temperature-hint"
              onChange={(event) => update({ temperature: event.target.value })}
            />
          </Field>
          <Field id="model-system-prompt" label="System prompt" hint="Sent first in every new conversation; never shown to users." wide>
            <textarea
              id="model-system-prompt"
              className={textareaClasses}
              value={values.systemPrompt}
              aria-describedby="model-system-prompt-hint"
              onChange={(event) => update({ systemPrompt: event.target.value })}
            />
          </Field>
        </FormSection>

        <FormSection title="Prices" description="US dollars per million tokens, for usage reports and cost quotas. Empty: not priced.">
          <Field id="model-input-price" label="Input price (USD / 1M tokens)">
            <Input
              id="model-input-price"
              inputMode="decimal"
              value={values.inputPrice}
              placeholder="0.50"
              onChange={(event) => update({ inputPrice: event.target.value })}
            />
          </Field>
          <Field id="model-output-price" label="Output price (USD / 1M tokens)">
            <Input
              id="model-output-price"
              inputMode="decimal"
              value={values.outputPrice}
              placeholder="1.50"
              onChange={(event) => update({ outputPrice: event.target.value })}
            />
          </Field>
        </FormSection>

        <FormSection title="Access" description="Who may use this model. Admins may always use every model.">
          <AccessPicker
            groups={groups}
            restricted={values.restricted}
            selected={new Set(values.groupIds)}
            onRestrictedChange={(restricted) => update({ restricted })}
            onToggle={(groupId, checked) =>
              setValues((current) => ({ ...current, groupIds: checked ? [...current.groupIds, groupId] : current.groupIds.filter((id) => id !== groupId) }))
            }
          />
        </FormSection>
      </fieldset>

      {error ? <Alert>{error}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Link href="/admin/models" className={buttonClasses({ variant: "secondary" })}>
          {readOnly ? "Back to models" : "Cancel"}
        </Link>
        {readOnly ? null : (
          <Button type="submit" disabled={saving}>
            {saving ? <Spinner /> : null}
            {saving ? "Saving…" : model ? "Save changes" : "Add model"}
          </Button>
        )}
      </div>
    </form>
  );
}
