// The limits of a conversation's settings: the settings dialog shows them and generation-settings.ts validates them.
// Without zod, so the dialog does not bring zod into the chat page's first load.

export const SYSTEM_PROMPT_MAX_LENGTH = 20_000;
export const TEMPERATURE_MIN = 0;
export const TEMPERATURE_MAX = 2;
