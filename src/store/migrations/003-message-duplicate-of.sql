-- A message whose bounces were all recorded already (the same bounce reaching rebound
-- twice with other bytes: LMTP and IMAP, or a copy re-sent) is still kept, so that every
-- message received is stored, but it adds no bounce rows; this names the first copy.
ALTER TABLE messages ADD COLUMN duplicate_of INTEGER REFERENCES messages (id);
