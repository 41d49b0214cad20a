import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import { type AllFakes, createAllFakes } from "@/tests/fakes/index";

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
