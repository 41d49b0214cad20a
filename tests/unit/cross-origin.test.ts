import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "@/lib/api/cross-origin";

const APP_URL = "https://chat.example.com";
const request = (method: string, headers: Record<string, string>, url = "http://10.0.0.5:3000/api/presets") => ({ method, url, headers: new Headers(headers) });

describe("isCrossOriginWrite", () => {
  it("refuses writes a browser marks as coming from another site or another origin of the same site", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }), APP_URL)).toBe(true);
    expect(isCrossOriginWrite(request("DELETE", { "sec-fetch-site": "same-site", origin: "https://wiki.example.com" }), APP_URL)).toBe(true);
    expect(isCrossOriginWrite(request("PATCH", { origin: "https://evil.test" }), APP_URL)).toBe(true);
    expect(isCrossOriginWrite(request("PUT", { origin: "null" }), APP_URL)).toBe(true);
  });

  it("lets the app's own pages write, behind a TLS proxy or not", () => {
    expect(isCrossOriginWrite(request("POST", { "sec-fetch-site": "same-origin", origin: "https://chat.example.com" }), APP_URL)).toBe(false);
    expect(isCrossOriginWrite(request("POST", { origin: "http://10.0.0.5:3000" }), APP_URL)).toBe(false);
  });

  it("never blocks reads, nor clients that are not browsers", () => {
    expect(isCrossOriginWrite(request("GET", { "sec-fetch-site": "cross-site" }), APP_URL)).toBe(false);
    expect(isCrossOriginWrite(request("POST", {}), APP_URL)).toBe(false);
  });
});
