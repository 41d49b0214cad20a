import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // A separate build folder lets several test runs build and serve from one checkout at once.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The container image runs `.next/standalone/server.js`: the server with only the node_modules it uses.
  output: "standalone",
  // Read from process.cwd() at run time, so file tracing cannot see them: the Prisma clients' query compiler (wasm)
  // and schema, and the migrations applied at start.
  outputFileTracingIncludes: {
    "/*": ["./lib/db/generated/*/query_compiler_bg.wasm", "./lib/db/generated/*/schema.prisma", "./prisma/*/migrations/**/*"],
  },
  // The generated Prisma clients look for their files under process.cwd(), which makes file tracing take in the
  // whole project; none of this is needed at run time.
  outputFileTracingExcludes: {
    "/*": ["./tests/**", "./bench/**", "./scripts/**", "./examples/**", "./.git/**", "./.ci/**", "./**/*.md", "./.next/cache/**", "./deploy/**"],
    // Image optimisation (sharp) is not used: pictures are plain <img> elements.
    "/**": ["./node_modules/@img/**", "./node_modules/sharp/**"],
  },
  // One instance per process of what keeps state (the logger, the metrics registry) and native/driver modules.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pino", "prom-client", "ioredis"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
