-- The HTTP API's tokens and the webhooks (src/api/, src/webhooks/).

-- API tokens: only a SHA-256 of the token is kept (a token is 32 random bytes, so a fast
-- hash is enough: there is nothing to guess word by word); the token itself is shown once.
CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  token_hash    TEXT    NOT NULL UNIQUE,          -- hex SHA-256 of the whole token
  hint          TEXT    NOT NULL,                 -- the first characters, to tell tokens apart
  scope         TEXT    NOT NULL CHECK (scope IN ('read', 'write')),
  created_at    TEXT    NOT NULL,
  last_used_at  TEXT    NOT NULL DEFAULT '',
  revoked_at    TEXT    NOT NULL DEFAULT ''
);

-- Where events are sent. The secret is the Standard Webhooks "whsec_" key (base64).
CREATE TABLE webhook_endpoints (
  id          INTEGER PRIMARY KEY,
  url         TEXT    NOT NULL,
  events      TEXT    NOT NULL,                   -- comma-separated event types
  enabled     INTEGER NOT NULL DEFAULT 1,
  secret      TEXT    NOT NULL,
  created_at  TEXT    NOT NULL
);

-- One event for one endpoint, written in the transaction of what caused it (a bounce, a
-- suppression change), then delivered in id order per endpoint. event_id is the
-- webhook-id header: the same for every attempt and for "send again", so receivers can
-- deduplicate.
CREATE TABLE webhook_deliveries (
  id               INTEGER PRIMARY KEY,
  endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id         TEXT    NOT NULL,
  type             TEXT    NOT NULL,
  payload          TEXT    NOT NULL,              -- the JSON body, exactly as signed and sent
  bounce_id        INTEGER,
  state            TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT    NOT NULL,
  give_up_at       TEXT    NOT NULL,              -- retries stop after this instant
  created_at       TEXT    NOT NULL,
  finished_at      TEXT    NOT NULL DEFAULT '',
  last_error       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (endpoint_id, state, id);

-- Every attempt: what the receiver answered (or why there was no answer).
CREATE TABLE webhook_attempts (
  id                INTEGER PRIMARY KEY,
  delivery_id       INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  at                TEXT    NOT NULL,
  http_status       INTEGER NOT NULL DEFAULT 0,   -- 0: no HTTP answer (refused, timeout, ...)
  duration_ms       INTEGER NOT NULL,
  error             TEXT    NOT NULL DEFAULT '',
  response_excerpt  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id);
