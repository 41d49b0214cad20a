/** The admin console's pages, in navigation order. */
export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/models", label: "Models" },
  { href: "/admin/quotas", label: "Quotas" },
  { href: "/admin/privacy", label: "Privacy" },
  { href: "/admin/usage", label: "Usage" },
  { href: "/admin/evals", label: "Evaluations" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
] as const;
