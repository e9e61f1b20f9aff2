# syntax=docker/dockerfile:1
# bilateral-graph: `docker build -t bilateral-graph .` then
# `docker run --rm -p 4000:4000 -e ENABLE_IDE=true -e ENABLE_INTROSPECTION=true bilateral-graph`.
# test/ops/compose.test.ts checks this file against the service's configuration and docker-compose.yml.

# Node 24 LTS, the version CI tests on (.ci/run), pinned to the patch release.
# ---- build: install everything, compile, then drop the dev dependencies ----
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Only the service's sources: `npm run build` compiles src/ alone (tsconfig.build.json, which extends
# tsconfig.json); test/, bench/ and examples/ are not in the build context (see .dockerignore).
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production node_modules, the compiled service and its seed; no compiler, no tests ----
FROM node:24.22.3-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only to the service's user: the process cannot modify its own code or data.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY seed ./seed
USER node
EXPOSE 4000
# Ready means seed loaded and not shutting down; slim images have no curl, so node's fetch asks.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and handles SIGTERM: in-flight requests get SHUTDOWN_GRACE_MS (default 10 s)
# to finish, then it exits 0. Give `docker stop` (-t) or Kubernetes more than that.
# `npm run start:prod` without npm in between: stack traces point into src/*.ts (source maps).
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
