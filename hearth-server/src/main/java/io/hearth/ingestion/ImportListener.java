package io.hearth.ingestion;

/**
 * Follows an import as it runs (a progress bar, a test). Called on the importing thread; an exception
 * thrown here stops the import after the batch just stored, which the next run resumes from.
 */
public interface ImportListener {

    /** A listener that ignores everything. */
    ImportListener NONE = new ImportListener() {};

    /** The file is open: its size, and the line an earlier run got to (0 when starting afresh). */
    default void started(long fileBytes, long resumedAfterLine) {}

    /** A batch was committed and checkpointed, or rows before the checkpoint were skipped. */
    default void progressed(long bytesRead, long rowsRead) {}
}
