import { z } from "zod";

export const MAX_IMAGE_HOSTS = 50;

// A DNS name or IPv4 address, with an optional port: what the browser's URL.host / URL.hostname hold.
const HOST = /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/;

function hostProblem(host: string): string | null {
  if (/^[a-z][a-z\d+.-]*:\/\//.test(host) || host.includes("/"))
    return `"${host}": enter the host name only, like images.example.com (no https:// and no path).`;
  if (host.includes("*")) return `"${host}": wildcards are not supported; list each host.`;
  if (!HOST.test(host)) return `"${host}" is not a valid host name.`;
  const port = host.split(":")[1];
  if (port !== undefined && Number(port) > 65_535) return `"${host}": the port must be at most 65535.`;
  return null;
}

/** PUT /api/admin/settings/images: `{ hosts }` as a list, or as the text of the form (one host per line). */
export const imageHostsInputSchema = z
  .object({ hosts: z.union([z.array(z.string().max(300)).max(500), z.string().max(20_000)]) })
  .strict()
  .transform(({ hosts }, ctx) => {
    const lines = (typeof hosts === "string" ? hosts.split(/[\r\n]+/) : hosts).map((line) => line.trim().toLowerCase()).filter(Boolean);
    const unique = [...new Set(lines)];
    if (unique.length > MAX_IMAGE_HOSTS) {
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_IMAGE_HOSTS} hosts.` });
      return z.NEVER;
    }
    for (const host of unique) {
      const problem = hostProblem(host);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
    }
    return unique;
  });
