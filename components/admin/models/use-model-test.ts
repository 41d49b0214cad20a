"use client";

import { useState } from "react";
import type { ModelTestResult } from "@/lib/models/test-model";
import { testModelRequest } from "./model-admin-api";

export type ModelTestState = { status: "idle" } | { status: "running" } | { status: "done"; result: ModelTestResult } | { status: "failed"; message: string };

/** Runs the Test of one model and keeps its latest outcome. */
export function useModelTest(modelId: string) {
  const [state, setState] = useState<ModelTestState>({ status: "idle" });
  async function run() {
    setState({ status: "running" });
    try {
      setState({ status: "done", result: await testModelRequest(modelId) });
    } catch (error) {
      setState({ status: "failed", message: (error as Error).message });
    }
  }
  return { state, run };
}
