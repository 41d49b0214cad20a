# syntax=docker/dockerfile:1
# The chat app as one image: `docker run -p 3000:3000 -v chat-data:/data IMAGE` serves it on SQLite in /data;
# DATABASE_URL=postgresql://… (with AUTH_SECRET and ENCRYPTION_KEY) switches to PostgreSQL. See README "Deploy".

# 1. Dependencies, with the dev tools the build needs (TypeScript, Tailwind, the Prisma CLI that generates clients).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/db ./scripts/db
COPY lib/db/schema-files.ts ./lib/db/schema-files.ts
RUN npm ci --no-audit --no-fund

# 2. The build: Next's standalone output (server.js and only the node_modules it traces).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/lib/db/generated ./lib/db/generated
COPY . .
RUN npm run build

# 3. What runs: Node, the standalone server, static files. No dev dependencies, no compiler, no build cache.
FROM node:24-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# The node user (uid 1000) owns only /data; the app's files belong to root and cannot be changed at run time.
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=root:root /app/.next/standalone ./
COPY --from=build --chown=root:root /app/.next/static ./.next/static
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains the running answers (SHUTDOWN_GRACE_SECONDS, default 25): give `docker stop -t 35`.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
