// The clock quota windows are read from: the wall clock. Tests pin it (`vi.spyOn(quotaClock, "now")`) to a moment of
// their choosing, so none waits for a minute to start or end, and none fails because one ended mid-test.
export const quotaClock = { now: (): Date => new Date() };
