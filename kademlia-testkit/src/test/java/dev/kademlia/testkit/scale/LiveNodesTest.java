package dev.kademlia.testkit.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random removal takes every node but the first, each once. */
class LiveNodesTest {

    @Test
    void removesEveryNodeButTheFirstExactlyOnce() {
        LiveNodes live = new LiveNodes();
        for (int i = 0; i < 100; i++) {
            live.add(i);
        }
        SplittableRandom random = new SplittableRandom(9);
        Set<Integer> removed = new HashSet<>();
        for (int i = 0; i < 99; i++) {
            int position = live.removeRandomExceptFirst(random);
            assertTrue(position != 0, "the bootstrap node never leaves");
            assertTrue(removed.add(position), position + " removed twice");
        }
        assertEquals(1, live.size());
        assertEquals(0, live.pick(random));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> live.removeRandomExceptFirst(random));
        assertEquals("only the bootstrap node is live; none can leave", e.getMessage());
    }

    @Test
    void picksOnlyLiveNodes() {
        LiveNodes live = new LiveNodes();
        live.add(0);
        live.add(7);
        live.add(9);
        SplittableRandom random = new SplittableRandom(1);
        int gone = live.removeRandomExceptFirst(random);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(live.pick(random));
        }
        Set<Integer> expected = new HashSet<>(Set.of(0, 7, 9));
        expected.remove(gone);
        assertEquals(expected, seen);
    }
}
