# Threadline: the GraphQL server and the web app, one process, run as compiled JavaScript on Node 24 LTS.
# Build: docker build -t threadline .   Run: docker run -p 127.0.0.1:4000:4000 -v threadline-data:/app/data threadline

# Stage 1: everything needed to build (dev dependencies included): the web app and the compiled server.
FROM node:24-slim AS build
WORKDIR /app
# Dependencies first, so code changes do not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Type-checks while compiling: an image is never built from code that does not check.
RUN npm run build \
    && npm run build:node

# Stage 2: what runs: production dependencies, the compiled server and ingest CLI, the built web app.
FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    THREADLINE_DB_PATH=/app/data/threadline \
    THREADLINE_WEB_DIR=/app/dist/web
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
    && npm cache clean --force
# dist/node holds graph/, ingest/ and server/ as JavaScript beside the files they read (SDL, taxonomy, cues,
# sample corpus, cypher/); dist/web is the web app.
COPY --from=build /app/dist/node ./dist/node
COPY --from=build /app/dist/web ./dist/web
RUN mkdir -p /app/data \
    && chown node:node /app/data

USER node
EXPOSE 4000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Documents are added with: docker exec -it <container> node dist/node/ingest/cli.js /app/data/inbox/
# (stop the server first when the embedded database is used), or uploaded through the web app.
CMD ["node", "dist/node/server/main.js"]
