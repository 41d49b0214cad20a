import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/skip-link";
import { parseTheme, THEME_COOKIE, themeClass } from "@/components/theme/theme";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { getCurrentUser } from "@/lib/auth/session";
import { getAllowedImageHosts } from "@/lib/db/image-hosts";
import { contentSecurityPolicy } from "@/lib/ui/image-source-policy";
import "@/components/theme/theme.css";

export const metadata: Metadata = {
  title: { default: "Chat", template: "%s · Chat" },
  description: "Your organization's AI chat.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfc" },
    { media: "(prefers-color-scheme: dark)", color: "#111115" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered on the server from the cookie: the first paint already has the chosen theme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const policy = await pagePolicy();
  return (
    <html lang="en" className={themeClass(theme)}>
      <head>
        <meta httpEquiv="Content-Security-Policy" content={policy} />
      </head>
      <body>
        <ThemeProvider initialTheme={theme}>
          <SkipLink />
          {children}
        </ThemeProvider>
      </body>
    </html>
  );
}

/** With the database unreachable the page still renders (with its error), under the strictest image policy. */
async function pagePolicy(): Promise<string> {
  try {
    const [allowedImageHosts, user] = await Promise.all([getAllowedImageHosts(), getCurrentUser()]);
    return contentSecurityPolicy({ allowedImageHosts, userImage: user?.image ?? null });
  } catch {
    return contentSecurityPolicy({ allowedImageHosts: [], userImage: null });
  }
}
