package dev.kademlia.api.spi;

import dev.kademlia.api.KademliaException;
import java.util.Objects;

/**
 * A {@link Store} failed. The reasons are a small closed set; backend exceptions (RocksDB's, I/O) are
 * wrapped as {@link Reason#BACKEND_FAILURE} or {@link Reason#CORRUPT} with the original as the cause.
 */
public final class StoreException extends KademliaException {

    private static final long serialVersionUID = 1L;

    /** Why a store operation failed. */
    public enum Reason {
        /** The store holds as many entries or bytes as it is allowed to. */
        FULL,
        /** The value exceeds the store's size limit. */
        VALUE_TOO_LARGE,
        /** The data directory is held by another live process. */
        LOCKED,
        /** The stored data cannot be read back as written. */
        CORRUPT,
        /** The backend failed (I/O error, closed store, native error). */
        BACKEND_FAILURE
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  the reason
     * @param message what failed
     */
    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason  the reason
     * @param message what failed
     * @param cause   the backend's exception
     */
    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why it failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
