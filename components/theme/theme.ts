export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
/** A year: the choice is a preference, not a session. */
export const THEME_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/**
 * The stored choice, "system" for anything missing or not one of the themes (a tampered cookie). A plain check, not a
 * zod schema: the theme provider is in every page's first load, and zod would come with it.
 */
export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

/**
 * The class of <html>: none for "system", whose colors come from the prefers-color-scheme media query in CSS, so
 * they follow the operating system live and need no script before the first paint.
 */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
