# syntax=docker/dockerfile:1
# The image of one app of the workspace, built from its Nx build output (dist/apps/<app>). The build argument APP
# names the app and is required: gateway (port 3000), scheduling (3101), submissions (3102) or notifications (3103).
# Build from the repository root, which is the build context (see .dockerignore):
#   docker build --build-arg APP=gateway -t pressconf/gateway:0.1.0 .
# Run: docker run -p 3000:3000 -e DATABASE_URL=… -e KAFKA_BROKERS=… pressconf/gateway:0.1.0
# Migrations only (the Kubernetes migration Job): docker run … pressconf/gateway:0.1.0 node main.js --migrate-only
# Checked by tools/deploy/dockerfile.spec.ts, for every app of apps/.
ARG APP

# 1. builder: the whole workspace with its dev dependencies; `nx build` bundles the app's own code and writes a
#    package.json and package-lock.json of the packages the bundle requires at run time. APP is declared after
#    `npm ci`, so the four images share that layer.
FROM node:24.21.0-bookworm-slim AS builder
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    CI=true
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
COPY libs ./libs
# The province profiles: every image carries them all, and a deployment names its own (PROVINCE_PROFILE).
COPY provinces ./provinces
ARG APP
COPY apps/${APP} ./apps/${APP}
RUN npx nx build ${APP} --skip-nx-cache

# 2. prod-deps: only the run-time packages of this app, installed from the generated manifest and lock file.
FROM node:24.21.0-bookworm-slim AS prod-deps
ARG APP
WORKDIR /app
COPY --from=builder /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. runtime-base: what every app's image has in common. NODE_OPTIONS carries the heap settings of
#    tools/lib/service-node-options.json, chosen from the benchmark's memory and GC figures (README, "Performance").
FROM node:24.21.0-bookworm-slim AS runtime-base
ENV NODE_ENV=production \
    NODE_OPTIONS="--enable-source-maps --max-semi-space-size=4"
WORKDIR /app

# 4. runtime-<app>: the app's port, EXPOSEd and probed by the HEALTHCHECK through the app's own port variable (as its
#    main.ts reads it). Only the stage that APP names is built.
FROM runtime-base AS runtime-gateway
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

FROM runtime-base AS runtime-scheduling
EXPOSE 3101
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.SCHEDULING_PORT || 3101) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

FROM runtime-base AS runtime-submissions
EXPOSE 3102
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.SUBMISSIONS_PORT || 3102) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

FROM runtime-base AS runtime-notifications
EXPOSE 3103
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.NOTIFICATIONS_PORT || 3103) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Without APP, the build stops here with a message rather than pulling an image named `runtime-`.
FROM runtime-base AS runtime-unset
RUN echo 'Name the app: docker build --build-arg APP=<gateway|scheduling|submissions|notifications> …' >&2 && exit 1

# 5. runtime: the bundle and its packages, owned by root and run as the unprivileged `node` user (uid 1000). The
#    bundle's folder holds what the app reads beside main.js (the gateway's invitee-page, the mail templates, the
#    province profiles, the PDF fonts of notifications and submissions).
FROM runtime-${APP:-unset} AS runtime
ARG APP
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=builder /workspace/dist/apps/${APP} ./
USER node
CMD ["node", "main.js"]
