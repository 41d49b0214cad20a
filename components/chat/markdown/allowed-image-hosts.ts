"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

/** Hosts an answer may load images from besides the app itself (an admin setting). */
export const AllowedImageHostsContext = createContext<readonly string[]>([]);

export function useAllowedImageHosts(): readonly string[] {
  return useContext(AllowedImageHostsContext);
}

const subscribeNever = () => () => {};

/** The page's origin in the browser; null on the server, so hydration matches and absolute URLs wait for the client. */
export function usePageOrigin(): string | null {
  return useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => null,
  );
}
