# rebound: bounce processor for Postfix. Multi-stage: dependencies are installed in a stage
# with the build toolchain (in case a native module has no prebuilt binary for the platform),
# the runtime stage has only Node 24, tini and the app, and runs as a non-root user.

FROM node:24-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY src/bin/install-production.sh src/bin/install-production.sh
RUN sh src/bin/install-production.sh

FROM node:24-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system rebound && useradd --system --gid rebound --home-dir /app --shell /usr/sbin/nologin rebound \
 && mkdir -p /data && chown rebound:rebound /data
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY src ./src
COPY templates ./templates
COPY config ./config
USER rebound
VOLUME /data
# 2424: LMTP (Postfix transport), 8888: dashboard and /health,
# 2426/2427: suppression lookups (socketmap, policy delegation)
EXPOSE 2424 8888 2426 2427
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.WEBUI_PORT||8888)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini as PID 1: forwards SIGTERM to rebound and reaps children.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "src/bin/container-start.sh"]
