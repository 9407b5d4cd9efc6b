# syntax=docker/dockerfile:1
# Précis: build with dev dependencies, run with production ones only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
# The SQLite database and the heartbeat live in /app/data: mount a volume there.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 CMD ["node", "bin/precis.js", "health"]
# `docker stop` sends SIGTERM: Précis finishes the message in flight, closes the database and exits 0.
STOPSIGNAL SIGTERM
# V8 memory settings (the same as `npm start`; see README, "Memory"): a 1 MB young generation
# instead of 16 MB semispaces, and a 512 MB heap cap, with which V8 grows the old generation by
# at most ~1.6x its live size instead of 4x. Précis polls in the background: memory over speed.
CMD ["node", "--max-semi-space-size=1", "--max-old-space-size=512", "bin/precis.js", "start"]
