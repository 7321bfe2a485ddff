# bonus-engine: one image for every ROLE (all, api, worker). Built in two stages so the runtime
# image holds only production dependencies and the compiled code, and runs as a non-root user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ormconfig.ts ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# PORT (api, all) and WORKER_PORT (worker: /health and /metrics only).
EXPOSE 3000 3001
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 CMD ["node", "-e", "const port = process.env.ROLE === 'worker' ? process.env.WORKER_PORT || 3001 : process.env.PORT || 3000; require('http').get(`http://127.0.0.1:${port}/health`, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1));"]
# The heap cap of `npm start` (see the README's Deployment section).
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=32", "dist/src/main.js"]
