"use client";

import type { ReactNode } from "react";
import { AllowedImageHostsContext } from "./allowed-image-hosts";

/** Gives every answer below it the admin's image-host allowlist (the chat pages read the setting on the server). */
export function AllowedImageHostsProvider({ hosts, children }: { hosts: readonly string[]; children: ReactNode }) {
  return <AllowedImageHostsContext value={hosts}>{children}</AllowedImageHostsContext>;
}
