package org.pellucid.core.train;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock every gradient pass holds. DJL's PyTorch gradient collector is process-wide (a
 * second one opened while another collects throws {@code IllegalStateException: A
 * PtGradientCollector is already collecting}), so gradient explainers called from many threads,
 * and a training step running beside them, take turns here; forward passes need no lock.
 */
public final class Autograd {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private Autograd() {}

    /** Holds the lock until the returned handle is closed: {@code try (var g = Autograd.hold()) { … }}. */
    public static Held hold() {
        LOCK.lock();
        return LOCK::unlock;
    }

    /** An acquired gradient lock; closing releases it. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
