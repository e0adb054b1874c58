package dev.kademlia.dump;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.LookupStats;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.node.LookupTrace;
import dev.kademlia.core.node.NodeSnapshot;
import dev.kademlia.core.node.NodeStats;
import dev.kademlia.core.node.Rpc;
import dev.kademlia.core.node.StoredKey;
import dev.kademlia.core.routing.BucketView;
import dev.kademlia.core.routing.RoutingEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Random but well-formed node snapshots and lookup traces, from a seed: IPv4 and IPv6 addresses, empty and
 * full buckets, replacement caches, failed RPCs, values that never expire, counters with RPCs missing.
 */
final class RandomStates {

    private final SplittableRandom random;

    RandomStates(long seed) {
        random = new SplittableRandom(seed);
    }

    Contact contact() {
        byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(ip);
        try {
            return new Contact(Key.random(random), new InetSocketAddress(InetAddress.getByAddress(ip),
                    1 + random.nextInt(65535)));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A contact whose id lies in bucket {@code index} of {@code self}. */
    Contact contactInBucket(Key self, int index) {
        Contact c = contact();
        return new Contact(self.randomInBucket(index, random), c.address());
    }

    NodeSnapshot snapshot() {
        Contact self = contact();
        long now = random.nextLong(1, 1L << 45);
        TreeMap<Integer, BucketView> buckets = new TreeMap<>();
        int bucketCount = random.nextInt(6);
        while (buckets.size() < bucketCount) {
            int index = 256 - 1 - random.nextInt(12);
            buckets.put(index, new BucketView(index, entries(self.id(), index, random.nextInt(1, 5), now),
                    entries(self.id(), index, random.nextInt(3), now)));
        }
        List<StoredKey> keys = new ArrayList<>();
        int keyCount = random.nextInt(5);
        for (int i = 0; i < keyCount; i++) {
            keys.add(new StoredKey(Key.random(random), random.nextInt(1200),
                    random.nextInt(4) == 0 ? StoredValue.NEVER : now + random.nextLong(1, 86_400_000),
                    now - random.nextLong(3_600_000), random.nextBoolean()));
        }
        keys.sort((a, b) -> a.key().compareTo(b.key()));
        NodeStats stats = new NodeStats(counts(), counts(), random.nextLong(100), random.nextLong(100),
                random.nextLong(100), random.nextLong(100), random.nextLong(100), random.nextLong(100));
        return new NodeSnapshot(self, now, new ArrayList<>(buckets.values()), keys, stats);
    }

    private List<RoutingEntry> entries(Key self, int index, int n, long now) {
        List<RoutingEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new RoutingEntry(contactInBucket(self, index), now - random.nextLong(600_000),
                    random.nextInt(3)));
        }
        return entries;
    }

    private Map<Rpc, Long> counts() {
        Map<Rpc, Long> counts = new EnumMap<>(Rpc.class);
        for (Rpc rpc : Rpc.values()) {
            if (random.nextInt(4) != 0) {
                counts.put(rpc, random.nextLong(1_000_000));
            }
        }
        return counts;
    }

    /**
     * A lookup trace: up to three hops of queries, each query answered (with contacts or, for a value lookup,
     * at most once with the value), failed, or left without an answer.
     */
    LookupTrace trace() {
        Contact origin = contact();
        Key target = Key.random(random);
        boolean findValue = random.nextBoolean();
        long start = random.nextLong(1, 1L << 45);
        long now = start;
        List<LookupTrace.Event> events = new ArrayList<>();
        List<Contact> answered = new ArrayList<>();
        boolean valueFound = false;
        int hops = 1 + random.nextInt(3);
        int rpcs = 0;
        int timeouts = 0;
        for (int hop = 1; hop <= hops && !valueFound; hop++) {
            int queries = 1 + random.nextInt(4);
            List<Contact> peers = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                Contact peer = contact();
                peers.add(peer);
                events.add(new LookupTrace.Queried(now, peer, hop));
                rpcs++;
            }
            for (Contact peer : peers) {
                now += random.nextInt(50);
                int fate = random.nextInt(6);
                if (random.nextInt(4) == 0) {
                    events.add(new LookupTrace.TimedOut(now, peer)); // then fails, answers late, or stays silent
                }
                if (fate == 0) {
                    events.add(new LookupTrace.Failed(now, peer));
                    timeouts++;
                } else if (fate == 1 && findValue && !valueFound) {
                    events.add(new LookupTrace.Answered(now, peer, List.of(), true));
                    answered.add(peer);
                    valueFound = true;
                } else if (fate != 2) {
                    List<Contact> returned = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        returned.add(contact());
                    }
                    events.add(new LookupTrace.Answered(now, peer, returned, false));
                    answered.add(peer);
                }
            }
        }
        answered.sort((a, b) -> target.compareDistance(a.id(), b.id()));
        return new LookupTrace(origin, target, findValue, start, events, answered,
                new LookupStats(hops, rpcs, answered.size(), timeouts, Duration.ofMillis(now - start)));
    }
}
