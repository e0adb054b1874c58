package dev.kademlia.core.node;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;

/**
 * A stored entry without its value, for dumps.
 *
 * @param key                 the key
 * @param valueBytes          the value's size
 * @param expiresAtMillis     when it expires, or {@link StoredValue#NEVER}
 * @param republishedAtMillis when it was last stored or republished
 * @param originalPublisher   whether this node published it
 */
public record StoredKey(Key key, int valueBytes, long expiresAtMillis, long republishedAtMillis,
        boolean originalPublisher) {

    static StoredKey of(StoredValue entry) {
        return new StoredKey(entry.key(), entry.valueLength(), entry.expiresAtMillis(), entry.republishedAtMillis(),
                entry.originalPublisher());
    }
}
