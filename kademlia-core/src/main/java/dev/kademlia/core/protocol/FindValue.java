package dev.kademlia.core.protocol;

import dev.kademlia.api.Key;
import java.util.Objects;

/**
 * FIND_VALUE: asks for the value stored under {@code key}. A node holding it answers with
 * {@link ValueFound}; otherwise it answers as to {@link FindNode}, with the {@link Nodes} closest to the
 * key.
 *
 * @param key the key of the wanted value
 */
public record FindValue(Key key) implements Request {

    /**
     * Validates the key.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public FindValue {
        Objects.requireNonNull(key, "key");
    }
}
