import { Input } from "@/components/ui/input";
import { Field, selectClasses } from "./form-parts";
import type { ModelFormValues } from "./model-form-values";
import { providerLabel } from "./model-format";
import { FIELDS_BY_PROVIDER, PROVIDER_IDS, type ProviderId, SELECT_DEFAULTS } from "./provider-fields";

type ConnectionFieldsProps = {
  values: ModelFormValues;
  onChange: (changes: Partial<ModelFormValues>) => void;
};

/** The provider, then that provider's own fields (lib/ai/model-config.ts). */
export function ConnectionFields({ values, onChange }: ConnectionFieldsProps) {
  const fields = FIELDS_BY_PROVIDER[values.provider].filter((field) => !field.when || field.when(values.connection));
  const setValue = (name: string, value: string) => onChange({ connection: { ...values.connection, [name]: value } });
  return (
    <>
      <Field id="model-provider" label="Provider" wide>
        <select
          id="model-provider"
          className={selectClasses}
          value={values.provider}
          onChange={(event) => {
            const provider = event.target.value as ProviderId;
            // The endpoint usually stays; the provider's own fields start over.
            onChange({ provider, connection: { ...SELECT_DEFAULTS[provider], endpoint: values.connection.endpoint ?? "" }, clearSecrets: [] });
          }}
        >
          {PROVIDER_IDS.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel(provider)}
            </option>
          ))}
        </select>
      </Field>
      {fields.map((field) => {
        const id = `model-${field.name}`;
        const hintId = field.hint ? `${id}-hint` : undefined;
        const label = field.required ? field.label : `${field.label} (optional)`;
        return (
          <Field key={field.name} id={id} label={field.type === "select" ? field.label : label} hint={field.hint}>
            {field.type === "select" ? (
              <select
                id={id}
                className={selectClasses}
                value={values.connection[field.name] ?? ""}
                aria-describedby={hintId}
                onChange={(event) => setValue(field.name, event.target.value)}
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <Input
                id={id}
                type={field.type === "url" ? "url" : "text"}
                required={field.required}
                spellCheck={false}
                value={values.connection[field.name] ?? ""}
                placeholder={field.placeholder}
                aria-describedby={hintId}
                onChange={(event) => setValue(field.name, event.target.value)}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}
