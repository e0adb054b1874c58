package dev.kademlia.core.routing;

import dev.kademlia.api.Key;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of one k-bucket, for dumps and diagnostics.
 *
 * @param index        the bucket index in {@code [0, 255]}: the bucket holds contacts at XOR distance
 *                     {@code [2^index, 2^(index+1))} from the local id
 * @param entries      the bucket's contacts, least-recently seen first (at most {@code k})
 * @param replacements the bucket's replacement cache, least-recently seen first; the last one is
 *                     promoted first when a slot frees
 */
public record BucketView(int index, List<RoutingEntry> entries, List<RoutingEntry> replacements) {

    /**
     * Validates the index and copies the lists.
     *
     * @throws IllegalArgumentException if {@code index} is not in {@code [0, 255]}
     */
    public BucketView {
        if (index < 0 || index >= Key.BITS) {
            throw new IllegalArgumentException("bucket index must be in [0, 255]; got " + index);
        }
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        replacements = List.copyOf(Objects.requireNonNull(replacements, "replacements"));
    }
}
