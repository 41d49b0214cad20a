"use client";

import { type ComponentType, lazy, Suspense, useState } from "react";

/**
 * A dialog whose code is not part of the page's first load: nothing is rendered until it is first opened (a closed
 * Dialog renders only an empty <dialog>, which is not in the accessibility tree either), then it loads and mounts
 * open, and stays mounted from then on. Dialog opens itself on mount (showModal, focus inside, focus back to the
 * button that opened it on close), so the dialog is the same with the keyboard and screen readers; the first open
 * waits for the download. `isOpen` says which prop opens it (`open` by default).
 */
export function lazyDialog<P extends object>(
  load: () => Promise<ComponentType<P>>,
  isOpen: (props: P) => boolean = (props) => (props as { open?: boolean }).open === true,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  return function LazyDialog(props: P) {
    const [opened, setOpened] = useState(false);
    const show = opened || isOpen(props);
    // Set while rendering, as React allows for state that follows props: the dialog mounts in this very render.
    if (show && !opened) setOpened(true);
    if (!show) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
