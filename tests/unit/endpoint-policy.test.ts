import { describe, expect, it } from "vitest";
import { endpointProblem } from "@/lib/ai/endpoint-policy";
import { modelConfigSchema } from "@/lib/ai/model-config";

describe("endpointProblem", () => {
  it("allows public, private-network and loopback model servers", () => {
    for (const endpoint of [
      "https://myres.openai.azure.com",
      "http://10.0.3.7:8080",
      "http://192.168.1.20:11434",
      "http://localhost:11434",
      "http://127.0.0.1:8000/v1",
      "http://[::1]:8080",
      "http://tgi.internal.example:80",
    ]) {
      expect(endpointProblem(endpoint), endpoint).toBeNull();
    }
  });

  it("refuses cloud metadata addresses in every spelling WHATWG URL accepts", () => {
    for (const endpoint of [
      "http://169.254.169.254/latest/meta-data",
      "http://169.254.169.254.",
      "http://2852039166/",
      "http://0xa9fea9fe/",
      "http://0251.0376.0251.0376/",
      "http://169.254.1.1:8080",
      "http://[::ffff:169.254.169.254]",
      "http://[::ffff:a9fe:a9fe]",
      "http://[0:0:0:0:0:ffff:a9fe:a9fe]",
      "http://[64:ff9b::a9fe:a9fe]",
      "http://[fe80::1]",
      "http://[fd00:ec2::254]",
      "http://metadata.google.internal/computeMetadata/v1",
      "http://METADATA.GOOGLE.INTERNAL.",
      "http://100.100.100.200/latest/meta-data",
    ]) {
      expect(endpointProblem(endpoint), endpoint).toMatch(/metadata/);
    }
  });

  it("refuses other schemes and credentials in the URL", () => {
    expect(endpointProblem("file:///etc/passwd")).toMatch(/http/);
    expect(endpointProblem("gopher://tgi:70")).toMatch(/http/);
    expect(endpointProblem("https://user:sk-secret@api.example.com")).toMatch(/password/);
    expect(endpointProblem("not a url")).toBe("must be a URL");
  });

  it("is enforced by the model configuration, for the admin form and MODELS_FILE alike", () => {
    const result = modelConfigSchema.safeParse({ provider: "ollama", endpoint: "http://[::ffff:169.254.169.254]:11434", model: "llama2" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["endpoint"], message: expect.stringMatching(/metadata/) });
    expect(modelConfigSchema.safeParse({ provider: "ollama", endpoint: "http://127.0.0.1:11434", model: "llama2" }).success).toBe(true);
  });
});
