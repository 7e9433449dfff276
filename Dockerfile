# syntax=docker/dockerfile:1
# One image for every Dandang process: api (default CMD), worker and migrate pick
# their entry point through the compose `command`.
ARG NODE_IMAGE=node:22-bookworm-slim

# --- npm as used for package-lock.json -----------------------------------------
# Node 22 bundles npm 10, which ignores package.json "allowScripts"; npm 11 applies it.
FROM ${NODE_IMAGE} AS npm
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# --- build: full install (dev deps: the swc CLI) + compile + workflow bundle
FROM npm AS build
# Manifests first so the dependency layer is cached across source changes.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build

# --- production dependencies only, installed from the same lockfile ---------------
FROM npm AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# --- runtime: no compilers, no dev deps, files owned by root, process runs as `node`
FROM ${NODE_IMAGE} AS runtime
# MALLOC_*, --max-semi-space-size and --heap-growing-percent: see libs/config/src/service-process.ts.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    MALLOC_TRIM_THRESHOLD_=131072 \
    PORT=3000 \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflows/workflow-bundle.js
# LibreOffice renders the documents (文书) to PDF, with fonts that have Chinese glyphs; without it PDFs answer 503.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Exec form: no shell in between, so node gets SIGTERM (forwarded by tini, compose `init: true`).
CMD ["node", "--max-semi-space-size=2", "--heap-growing-percent=20", "dist/apps/api/src/main.js"]
