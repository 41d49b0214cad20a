// The route of a request as a metric label and log field: ids replaced by ":id", so one route is one label.
// Labels must stay few whatever clients send, so unknown paths (404) share one label and, past a cap, so does
// everything new.

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|c[a-z0-9]{20,}|\d+|[A-Za-z0-9_-]{24,})$/i;
const MAX_SEGMENTS = 6;
const MAX_LABELS = 300;

const seen = new Set<string>();

export function routeLabel(path: string, status: number): string {
  if (status === 404) return "unmatched";
  if (path.startsWith("/_next/static/")) return "/_next/static";
  if (path.startsWith("/_next/")) return "/_next";
  const label = `/${path
    .split("/")
    .filter(Boolean)
    .slice(0, MAX_SEGMENTS)
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/")}`;
  if (seen.has(label)) return label;
  if (seen.size >= MAX_LABELS) return "other";
  seen.add(label);
  return label;
}
