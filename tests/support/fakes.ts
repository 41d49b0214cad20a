import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import { type AllFakes, createAllFakes, type FakeServer } from "@/tests/fakes/index";

/**
 * For an integration test file whose models answer from the fake backends: registers beforeAll/afterAll hooks that
 * start every fake on a free port and close them afterwards. The models saved for the fakes carry API keys, stored
 * encrypted: the file gets its own ENCRYPTION_KEY, and every variable the file stubbed is restored at its end.
 * Call it at the top level, beside useTestDatabase (lib/env reads the key when the database is pointed at).
 */
export function useFakes(): AllFakes {
  vi.stubEnv("ENCRYPTION_KEY", randomBytes(32).toString("base64"));
  const fakes = createAllFakes();
  beforeAll(() => fakes.start());
  afterAll(async () => {
    await fakes.close();
    vi.unstubAllEnvs();
  });
  return fakes;
}

/** For a test file of one backend's protocol: starts `fake` on a free port before the file's tests, closes it after. */
export function useFakeServer<T extends FakeServer>(fake: T): T {
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(() => fake.close());
  return fake;
}
