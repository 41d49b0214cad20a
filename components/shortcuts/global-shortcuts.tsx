"use client";

import { Keyboard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Shortcut, useShortcuts } from "@/hooks/use-shortcuts";
import { LazyShortcutsDialog } from "./lazy-shortcuts-dialog";

/** The sidebar's search box, when the page has one (found by its label, so the sidebar owes this file nothing). */
function findSearchField(): HTMLElement | null {
  const labelled = document.querySelector<HTMLElement>('[aria-label="Search conversations"]');
  if (labelled) return labelled;
  const label = Array.from(document.querySelectorAll("label")).find((element) => element.textContent?.trim() === "Search conversations");
  return label?.control ?? null;
}

function focusComposer() {
  document.querySelector<HTMLTextAreaElement>('textarea[name="message"]')?.focus();
}

/** The shortcuts of every signed-in page, and the button and dialog that list them all. */
export function GlobalShortcuts() {
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);

  const shortcuts: Shortcut[] = [
    { key: "?", run: () => setHelpOpen(true) },
    { key: "/", mod: true, inTextFields: true, run: () => setHelpOpen(true) },
    { key: "o", mod: true, shift: true, inTextFields: true, run: () => router.push("/") },
    { key: "x", mod: true, shift: true, inTextFields: true, run: () => router.push("/compare") },
    { key: "Escape", shift: true, inTextFields: true, run: focusComposer },
    { key: "k", mod: true, shift: false, inTextFields: true, run: () => findSearchField()?.focus() },
  ];
  useShortcuts(shortcuts);

  return (
    <>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-haspopup="dialog"
        onClick={() => setHelpOpen(true)}
        className="inline-flex size-9 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <Keyboard aria-hidden="true" className="size-4" />
      </button>
      <LazyShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
