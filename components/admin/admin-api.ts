// The admin console's calls to its own API: the server's { error: { message } } becomes the message to show.

export type AdminApiResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function callAdminApi<T>(path: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): Promise<AdminApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (!response.ok) return { ok: false, message: json?.error?.message ?? `The server answered ${response.status}. Try again.` };
    return { ok: true, data: json as T };
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
}
