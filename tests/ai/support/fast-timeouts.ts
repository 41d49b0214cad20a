/** Generous enough for a loaded CI machine, short enough that a hang fails fast. */
export const TEST_TIMEOUTS = { connectMs: 3_000, firstTokenMs: 3_000, idleMs: 3_000, overloadedRetryMs: [10, 20] };

/** For the tests that make timeouts fire. */
export const SHORT_TIMEOUTS = { connectMs: 300, firstTokenMs: 300, idleMs: 300, overloadedRetryMs: [10, 20] };
