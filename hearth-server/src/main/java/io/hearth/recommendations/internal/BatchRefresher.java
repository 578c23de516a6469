package io.hearth.recommendations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that takes what was asked for (each key once while it waits) and hands it
 * over in batches, so that many stale entries cost a few bulk reads instead of one read each. A full
 * backlog drops the request: whoever asked simply asks again later.
 */
final class BatchRefresher<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchRefresher.class);

    private final Set<K> waiting = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<K> queue;
    private final int batchSize;
    private final Consumer<List<K>> refresh;
    private final Thread thread;

    BatchRefresher(String name, int backlog, int batchSize, Consumer<List<K>> refresh) {
        this.queue = new LinkedBlockingQueue<>(backlog);
        this.batchSize = batchSize;
        this.refresh = refresh;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /** Queues the key unless it is waiting already. */
    void request(K key) {
        if (waiting.add(key) && !queue.offer(key)) {
            waiting.remove(key);
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<K> batch = new ArrayList<>(batchSize);
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, batchSize - 1);
            try {
                refresh.accept(batch);
            } catch (RuntimeException e) {
                // left as they were: a later request queues them again
                log.debug("refreshing {} entries failed", batch.size(), e);
            } finally {
                batch.forEach(waiting::remove);
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
