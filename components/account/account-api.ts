// The account routes as the account page calls them: each throws an Error with the server's message on failure.

async function errorMessage(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? fallback;
}

/** Fetches the export and hands it to the browser as a file download. */
export async function downloadAccountData(): Promise<void> {
  const response = await fetch("/api/account/export", { cache: "no-store" });
  if (!response.ok) throw new Error(await errorMessage(response, "Your data could not be prepared. Please try again."));
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "my-chat-data.json";
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function sendDelete(path: string, body: unknown, fallback: string): Promise<Response> {
  const response = await fetch(path, { method: "DELETE", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(await errorMessage(response, fallback));
  return response;
}

export async function deleteAllConversations(confirmation: string): Promise<number> {
  const response = await sendDelete("/api/account/conversations", { confirmation }, "Your conversations could not be deleted. Please try again.");
  return ((await response.json()) as { deleted: number }).deleted;
}

export async function deleteAccount(email: string): Promise<void> {
  await sendDelete("/api/account", { email }, "Your account could not be deleted. Please try again.");
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const response = await fetch("/api/account/sessions", { method: "DELETE" });
  if (!response.ok) throw new Error(await errorMessage(response, "You could not be signed out everywhere. Please try again."));
}
