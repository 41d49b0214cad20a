// Which config fields are credentials. Shared by the server (sealing) and the admin form (password inputs).

export const SECRET_FIELDS = ["apiKey", "clientSecret"] as const;

export type SecretField = (typeof SECRET_FIELDS)[number];

export type ModelSecrets = Partial<Record<SecretField, string>>;

/** The credentials this connection can hold: Entra auth uses a client secret, everything else an API key. */
export function secretFieldsFor(config: { provider: string; auth?: unknown }): SecretField[] {
  if (config.provider !== "azure-openai") return ["apiKey"];
  return config.auth === "entra" ? ["clientSecret"] : ["apiKey"];
}
