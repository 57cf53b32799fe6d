package dev.budmon.source.transcript;

/**
 * Every rule of {@link TranscriptStoreTest} again, with every read of more than one file done by helper
 * threads (as the first scan of a big corpus is), to show that the result does not depend on it.
 */
class TranscriptStoreParallelTest extends TranscriptStoreTest {

    @Override
    TranscriptStore newStore() {
        return new TranscriptStore(0);
    }
}
