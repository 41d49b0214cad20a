import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has hydrated the element: it then carries React's props (with its event handlers) under a
 * `__reactProps$…` key. Server-rendered markup is visible and clickable before that, but its handlers are not yet there.
 */
export async function expectHydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps$"))), {
      message: "the element is hydrated",
    })
    .toBe(true);
}
