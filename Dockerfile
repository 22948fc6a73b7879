# Threadline: the GraphQL server and the web app, one process (npm start).
FROM node:20-slim

WORKDIR /app
ENV HOST=0.0.0.0 \
    PORT=4000 \
    THREADLINE_DB_PATH=/app/data/threadline

# Dependencies first, so code changes do not reinstall them. Dev dependencies are kept: npm start runs
# TypeScript through tsx.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
    && mkdir -p /app/data \
    && chown -R node:node /app/data

USER node
EXPOSE 4000
CMD ["npm", "start"]
