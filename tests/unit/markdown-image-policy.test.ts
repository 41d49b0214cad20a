import { describe, expect, it } from "vitest";
import { decideImage } from "@/components/chat/markdown/image-policy";

const ORIGIN = "https://chat.example.com";

describe("decideImage", () => {
  it("shows the app's own images, relative or absolute", () => {
    expect(decideImage("/files/a.png", ORIGIN, [])).toEqual({ show: true, src: "/files/a.png" });
    expect(decideImage("https://chat.example.com/a.png", ORIGIN, [])).toEqual({ show: true, src: "https://chat.example.com/a.png" });
  });

  it("blocks other hosts, other ports, protocol-relative URLs and other schemes", () => {
    expect(decideImage("https://evil.example.net/p.gif", ORIGIN, [])).toEqual({ show: false, host: "evil.example.net" });
    expect(decideImage("https://chat.example.com:8443/a.png", ORIGIN, [])).toEqual({ show: false, host: "chat.example.com:8443" });
    expect(decideImage("//evil.example.net/p.gif", ORIGIN, [])).toEqual({ show: false, host: "evil.example.net" });
    expect(decideImage("data:image/png;base64,AAAA", ORIGIN, [])).toEqual({ show: false, host: null });
    expect(decideImage("", ORIGIN, [])).toEqual({ show: false, host: null });
  });

  it("shows allowed hosts, by host name or host and port, in any case", () => {
    expect(decideImage("https://CDN.example.com/a.png", ORIGIN, ["cdn.example.com"]).show).toBe(true);
    expect(decideImage("http://127.0.0.1:9000/a.png", ORIGIN, ["127.0.0.1:9000"]).show).toBe(true);
    expect(decideImage("https://cdn.example.com.evil.net/a.png", ORIGIN, ["cdn.example.com"]).show).toBe(false);
  });

  it("without an origin (server rendering) only trusts relative URLs", () => {
    expect(decideImage("/a.png", null, []).show).toBe(true);
    expect(decideImage("https://chat.example.com/a.png", null, [])).toEqual({ show: false, host: "chat.example.com" });
  });
});
