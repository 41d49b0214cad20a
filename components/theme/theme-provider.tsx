"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS, type Theme, themeClass } from "./theme";

type ThemeContextValue = { theme: Theme; setTheme: (theme: Theme) => void };

const ThemeContext = createContext<ThemeContextValue>({ theme: "system", setTheme: () => undefined });

function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  const name = themeClass(theme);
  if (name) root.classList.add(name);
  // A cookie, not localStorage: the server reads it to render the right class, so there is no flash on load.
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax`;
}

/** The theme the server rendered (from the cookie), and a setter that switches it at once and remembers it. */
export function ThemeProvider({ initialTheme, children }: { initialTheme: Theme; children: ReactNode }) {
  const [theme, setThemeState] = useState(initialTheme);
  const setTheme = useCallback((next: Theme) => {
    applyTheme(next);
    setThemeState(next);
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export function useTheme(): ThemeContextValue {
  return useContext(ThemeContext);
}
