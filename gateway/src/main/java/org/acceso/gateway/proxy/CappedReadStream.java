package org.acceso.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to the service: it fails once more than {@code cap} bytes have passed, so that
 * a chunked upload cannot get around the body cap (a declared length was checked before), drops whatever
 * still arrives after that, and says when the body has passed entirely.
 */
final class CappedReadStream implements ReadStream<Buffer> {

    /** Why the body stopped; no stack trace, it is an expected outcome. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long cap;
    private final Runnable onEnd;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    /** {@code onEnd} runs when the whole body has passed. */
    CappedReadStream(ReadStream<Buffer> source, long cap, Runnable onEnd) {
        this.source = source;
        this.cap = cap;
        this.onEnd = onEnd;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > cap) {
                exceeded = true;
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new TooLarge());
                }
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            source.endHandler(null);
            return this;
        }
        source.endHandler(end -> {
            onEnd.run();
            endHandler.handle(end);
        });
        return this;
    }
}
