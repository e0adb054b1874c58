package dev.kademlia.transport.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kademlia.api.Contact;
import dev.kademlia.api.KademliaNode;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupResult;
import dev.kademlia.api.ValueTooLargeException;
import dev.kademlia.core.Kademlia;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twenty real nodes on UDP sockets on 127.0.0.1, in one JVM. */
class UdpNodeNetworkTest {

    private static final int NODES = 20;
    /** A hang guard, not a performance bound: every operation here ends within a few RPC timeouts. */
    private static final long GUARD_SECONDS = 60;

    private final List<KademliaNode> nodes = new ArrayList<>();

    @BeforeEach
    void startNetwork() throws Exception {
        for (int i = 0; i < NODES; i++) {
            KademliaNode node = Kademlia.builder()
                    .bind(Loopback.ipv4AnyPort())
                    .rpcTimeout(Duration.ofMillis(500))
                    .build();
            nodes.add(node);
            if (i > 0) {
                await(node.bootstrap(List.of(nodes.get(0).contact().address())));
            }
        }
    }

    @AfterEach
    void stopNetwork() {
        nodes.forEach(KademliaNode::close);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void everyKeyPutFromOneNodeIsReturnedByEveryOther() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertFalse(await(nodes.get(0).put("udp-" + i, "value-" + i)).storedAt().isEmpty());
        }
        for (KademliaNode reader : nodes.subList(1, NODES)) {
            for (int i = 0; i < 10; i++) {
                assertEquals(Optional.of("value-" + i), await(reader.get("udp-" + i)),
                        "udp-" + i + " from " + reader.contact());
            }
        }
    }

    @Test
    void valuesTooLargeForADatagramAreRefusedAtPut() {
        int limit = Kademlia.maxValueBytes(1400);
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> await(nodes.get(3).put(Key.sha256("big"), new byte[limit + 1])));
        ValueTooLargeException cause = (ValueTooLargeException) refused.getCause();
        assertEquals(limit, cause.limit());
        assertTrue(cause.getMessage().contains(String.format("the limit is %,d", limit)), cause.getMessage());
    }

    /**
     * The four nodes a lookup most wants to reach die after the origin learned them: the lookup asks them,
     * gets nothing, and still ends with the closest live nodes. (On loopback a lookup ends within a
     * millisecond, too fast to kill nodes during it reliably; the simulation test kills them in flight.)
     */
    @Test
    void deadContactsDoNotStallALookup() throws Exception {
        KademliaNode origin = nodes.get(NODES - 1);
        Key target = Key.sha256("dying");
        List<KademliaNode> closest = nodes.stream()
                .filter(n -> n != origin)
                .sorted(Comparator.comparing(KademliaNode::id, target::compareDistance))
                .collect(Collectors.toList());
        Set<Key> dead = new java.util.HashSet<>();
        for (KademliaNode victim : closest.subList(0, 4)) {
            victim.close();
            dead.add(victim.id());
        }
        LookupResult result = await(origin.lookupNodes(target));
        List<Key> found = result.closest().stream().map(Contact::id).collect(Collectors.toList());
        assertTrue(found.stream().noneMatch(dead::contains), "dead nodes reported as live: " + found);
        List<Key> expected = closest.subList(4, closest.size()).stream() // k = 20: every live node
                .map(KademliaNode::id).collect(Collectors.toList());
        assertEquals(expected, found, "the closest live nodes");
        assertTrue(result.stats().timeouts() > 0, "the dead nodes were asked: " + result.stats());
    }
}
