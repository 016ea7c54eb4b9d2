# syntax=docker/dockerfile:1
# The API and the worker from one build: `docker build --target api .` / `--target worker .`
# (compose.yaml builds both). Multi-stage: the toolchain and dev dependencies stay in the build
# stages; the images hold production dependencies, compiled JavaScript, the migrations and the
# prebuilt workflow bundle, and run as the unprivileged `node` user.
# glibc (Debian), not Alpine: @temporalio/core-bridge and @node-rs/argon2 ship glibc binaries.
ARG NODE_VERSION=24.22.3

# Production dependencies only, exactly as locked. Install scripts stay off, as in the repo.
FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# The Temporal core ships prebuilt for five platforms: keep this one's (~110 MB less).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && find node_modules/@temporalio/core-bridge/releases -mindepth 1 -maxdepth 1 \
      ! -name "$(uname -m)-unknown-linux-gnu" -exec rm -rf {} +

# Everything needed to build: the Prisma client, the TypeScript, the workflow bundle.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# The bundle (dist/workflow-bundle.js) is what workers load (WORKFLOW_BUNDLE_PATH): no webpack at start-up.
RUN bash scripts/prisma-generate.sh \
 && npx --no-install tsc -p tsconfig.build.json \
 && npx --no-install tsc-alias -p tsconfig.build.json \
 && node dist/scripts/build-workflow-bundle.js

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
# package-lock.json marks the root the code finds its files from (libs/infra/src/repo-root.ts).
COPY --chown=root:root package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY prisma/migrations ./prisma/migrations
# The only writable place: the audit checkpoints the sealer exports (mount a volume there).
RUN mkdir -p /app/var/audit-checkpoints && chown -R node:node /app/var
USER node

FROM runtime AS api
# 3000: the cabinet/operator API (behind the bank's proxy); 9464: /metrics, for the scraper only.
ENV HOST=0.0.0.0 PORT=3000 METRICS_HOST=0.0.0.0 METRICS_PORT=9464
EXPOSE 3000 9464
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]

FROM runtime AS worker
# 9465: /metrics (with the Temporal SDK's series) and /health; nothing else listens.
ENV WORKER_HTTP_HOST=0.0.0.0 WORKER_HTTP_PORT=9465
EXPOSE 9465
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.WORKER_HTTP_PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/worker/src/main.js"]
