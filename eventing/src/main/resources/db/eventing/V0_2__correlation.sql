-- What lets an operator follow one piece of work across services: the correlation id (X-Request-Id)
-- and the W3C trace context of the transaction that wrote the row. The relay sends both as Kafka record
-- headers; the consumers restore them. Rows written before this migration have neither.
ALTER TABLE outbox_message ADD COLUMN correlation_id VARCHAR(128);
ALTER TABLE outbox_message ADD COLUMN traceparent    VARCHAR(55);
