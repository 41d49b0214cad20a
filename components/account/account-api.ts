import { apiFetch, apiResponse } from "@/lib/api/client";

// The account routes as the account page calls them: each throws an ApiError with the server's message on failure.

/** Fetches the export and hands it to the browser as a file download. */
export async function downloadAccountData(): Promise<void> {
  const response = await apiResponse("/api/account/export", {}, "Your data could not be prepared. Please try again.");
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

export async function deleteAllConversations(confirmation: string): Promise<number> {
  const { deleted } = await apiFetch<{ deleted: number }>("/api/account/conversations", {
    method: "DELETE",
    body: { confirmation },
    fallback: "Your conversations could not be deleted. Please try again.",
  });
  return deleted;
}

export async function deleteAccount(email: string): Promise<void> {
  await apiFetch("/api/account", { method: "DELETE", body: { email }, fallback: "Your account could not be deleted. Please try again." });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await apiFetch("/api/account/sessions", { method: "DELETE", fallback: "You could not be signed out everywhere. Please try again." });
}
