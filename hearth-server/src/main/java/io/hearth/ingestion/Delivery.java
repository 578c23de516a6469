package io.hearth.ingestion;

/**
 * Whether a consumer may have had a batch before. Consumers must be idempotent per event either way;
 * this tells them when the lookup that makes them so can be skipped.
 */
public enum Delivery {
    /**
     * Handed over from memory on the node that stored the batch, right after its commit: no consumer
     * of this node has had it. Another node that restarts meanwhile republishes every outstanding
     * publication, so it may still race this one; a consumer that skips its lookup must then fail
     * loudly on the duplicate (a unique key), which sends the batch back as {@link #AGAIN}.
     */
    FIRST,

    /** Read back from the event log: a retry, or a republication after a restart. */
    AGAIN
}
