"use client";

import { Search } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { apiResult } from "@/lib/api/client";
import type { Limits } from "./quota-types";

export interface FoundUser {
  id: string;
  email: string;
  name: string | null;
  quota: Limits | null;
}

/** Finds users by part of their email or name, to set their limits. */
export function UserSearch({ onPick }: { onPick: (user: FoundUser) => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<FoundUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSearching, setIsSearching] = useState(false);

  async function search(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!query.trim()) return setError("Type part of a name or email.");
    setError(null);
    setIsSearching(true);
    const result = await apiResult<{ users: FoundUser[] }>(`/api/admin/quotas/user-search?q=${encodeURIComponent(query.trim())}`, {
      fallback: "The search failed. Please try again.",
    });
    setIsSearching(false);
    if (!result.ok) return setError(result.message);
    setResults(result.value.users);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={search} role="search" aria-label="Search users" className="flex items-end gap-2">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor="quota-user-search">Find a user</Label>
          <Input id="quota-user-search" type="search" placeholder="Name or email" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <Button type="submit" variant="secondary" disabled={isSearching}>
          {isSearching ? <Spinner /> : <Search aria-hidden="true" />}
          Search
        </Button>
      </form>
      {error && <Alert>{error}</Alert>}
      <div aria-live="polite">
        {results && results.length === 0 && <p className="text-sm text-muted-foreground">No user matches “{query.trim()}”.</p>}
        {results && results.length > 0 && (
          <ul aria-label="Matching users" className="divide-y rounded-lg border">
            {results.map((user) => (
              <li key={user.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className="min-w-0">
                  <span className="block truncate text-sm font-medium">{user.email}</span>
                  {user.name && <span className="block truncate text-xs text-muted-foreground">{user.name}</span>}
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => onPick(user)}
                  aria-label={`${user.quota ? "Edit limits" : "Set limits"} for ${user.email}`}
                >
                  {user.quota ? "Edit limits" : "Set limits"}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
