/** How many models one Compare run writes side by side (shared by the API's validation and the page). */
export const MIN_COMPARE_MODELS = 2;
export const MAX_COMPARE_MODELS = 3;
