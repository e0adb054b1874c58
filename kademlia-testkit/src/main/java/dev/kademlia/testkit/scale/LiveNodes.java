package dev.kademlia.testkit.scale;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The positions of a cluster's live nodes, for picking one at random in constant time. The first position
 * added (the bootstrap node) stays first and is never picked to leave.
 */
final class LiveNodes {

    private int[] positions = new int[16];
    private int size;

    /** Adds a node's position. */
    void add(int position) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
        }
        positions[size++] = position;
    }

    int size() {
        return size;
    }

    /** A live node's position, the bootstrap node included. */
    int pick(RandomGenerator random) {
        return positions[random.nextInt(size)];
    }

    /**
     * Removes a random live node other than the bootstrap node, and returns its position.
     *
     * @throws IllegalStateException if only the bootstrap node is left
     */
    int removeRandomExceptFirst(RandomGenerator random) {
        if (size < 2) {
            throw new IllegalStateException("only the bootstrap node is live; none can leave");
        }
        int slot = 1 + random.nextInt(size - 1);
        int position = positions[slot];
        positions[slot] = positions[--size];
        return position;
    }
}
