// Pure rules about who may sign in and who is an admin; no I/O, so they are unit tested directly.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  return normalizeEmail(email).split("@").pop() ?? "";
}

/** An empty allowlist allows everyone; otherwise the domain must match exactly (no subdomain wildcards). */
export function isEmailDomainAllowed(email: string, allowedDomains: string[]): boolean {
  return allowedDomains.length === 0 || allowedDomains.includes(emailDomain(email));
}

export function isAdminEmail(email: string, adminEmails: string[]): boolean {
  return adminEmails.includes(normalizeEmail(email));
}

/** Reads the groups claim, which IdPs send as an array of strings, a single string, or a space/comma list. */
export function groupsFromClaims(claims: Record<string, unknown>, claimName: string): string[] {
  const raw = claims[claimName];
  const values = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  return [...new Set(values.filter((value): value is string => typeof value === "string" && value.length > 0))].slice(0, 500);
}

export function isInAdminGroup(groups: string[], adminGroups: string[]): boolean {
  return groups.some((group) => adminGroups.includes(group));
}

/**
 * Only same-origin relative paths are followed after sign-in: "//evil", "/\\evil" and absolute URLs fall back to "/".
 */
export function safeCallbackPath(callbackUrl: string | null | undefined, appUrl: string): string {
  if (!callbackUrl) return "/";
  try {
    const base = new URL(appUrl);
    const target = new URL(callbackUrl, base);
    if (target.origin !== base.origin) return "/";
    if (!callbackUrl.startsWith("/") && !callbackUrl.startsWith(base.origin)) return "/";
    if (/^\/[\\/]/.test(callbackUrl)) return "/";
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return "/";
  }
}

/**
 * The role an SSO user gets at sign-in: admin when ADMIN_EMAILS names them, they are in one of OIDC_ADMIN_GROUPS, or
 * any of their groups maps to admin. Otherwise, with OIDC_ADMIN_GROUPS set the IdP decides (so leaving the group
 * demotes); without it the stored role is kept (undefined: no change).
 */
export function roleAtSignIn({
  isAdminByEnv,
  groupRoles,
  groupsDecideRole,
}: {
  isAdminByEnv: boolean;
  groupRoles: ("admin" | "user")[];
  groupsDecideRole: boolean;
}): "admin" | "user" | undefined {
  if (isAdminByEnv || groupRoles.includes("admin")) return "admin";
  return groupsDecideRole ? "user" : undefined;
}

/** Splits what an admin typed ("example.com, corp.example.org") into a clean list of lowercase domains. */
export function parseDomainList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ];
}

export function isValidDomain(domain: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain);
}
