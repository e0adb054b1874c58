package dev.kademlia.benchmarks.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.routing.RoutingTable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A routing table filled the way a real one fills: a node with a seeded random id hears, one after the
 * other, from the nodes of a network of {@value #NETWORK_SIZE} nodes with seeded random ids, and reports
 * each to its {@link RoutingTable} with {@code seen}. Nobody answers the eviction probes, so full
 * buckets keep their first {@code k} contacts and the rest wait in the replacement caches.
 *
 * <p>Why {@code k = }{@value #LARGE_K} for a table of {@value #CONTACTS} contacts. With random ids, bucket
 * {@code 255 - j} receives a {@code 2^-(j+1)} share of the network: the far buckets fill first and the near
 * ones stay nearly empty. A table with the paper's {@code k = 20} therefore holds about
 * {@code 20 * (log2(N / 20) + 1)} contacts in a network of {@code N} nodes: 264 here, and 2,000 would
 * take a network of {@code 20 * 2^99} nodes. The only realistic table that holds 2,000 contacts has larger
 * buckets. With {@code k = 200} the nine farthest buckets (255 down to 247) fill to 200 each and the nearer
 * ones hold what the network offers (about 97, 53, 30, ...), which adds up to a little over 2,000 for
 * this network; the growth stops at exactly {@value #CONTACTS}. So a {@code closest} query for a random
 * target nearly always starts in a full bucket of 200. The same network gives a {@code k = 20} table of
 * 264 contacts, the realistic table the benchmarks also measure.
 *
 * <p>Contact {@code i} of the network has the address {@code 10.x.y.z:6881} with {@code x.y.z} the
 * 24-bit number {@code i + 1}: every contact has its own IP address (mldht rejects a second contact
 * from the same IP in a bucket).
 */
public final class Population {

    /** The number of nodes the local node hears from. */
    public static final int NETWORK_SIZE = 1 << 17;

    /** The number of contacts at which the growth stops: the size of the {@code k = 200} table. */
    public static final int CONTACTS = 2_000;

    /** The bucket capacity that holds {@value #CONTACTS} contacts; see the class comment for why not 20. */
    public static final int LARGE_K = 200;

    /** The number of consecutive failures after which the table drops a contact. */
    public static final int MAX_FAILURES = 2;

    private static final long SEED = 42;

    private final Key localId;
    private final RoutingTable table;

    private Population(Key localId, RoutingTable table) {
        this.localId = localId;
        this.table = table;
    }

    /**
     * Fills a table of bucket capacity {@code k} (and replacement caches of {@code k}) from the network,
     * stopping once it holds {@value #CONTACTS} contacts. The local id and the network are the same for
     * every {@code k}: with {@code k = }{@value #LARGE_K} the table ends with exactly {@value #CONTACTS}
     * contacts (buckets 255 to 247 full); with {@code k = 20} the whole network fits in 264 contacts
     * (buckets 255 to 244 full).
     *
     * @param k the bucket capacity, {@code >= 1}
     * @return a new population
     */
    public static Population grow(int k) {
        SplittableRandom random = new SplittableRandom(SEED);
        Key localId = Key.random(random);
        RoutingTable table = new RoutingTable(localId, k, k, MAX_FAILURES);
        for (int i = 0; i < NETWORK_SIZE && table.size() < CONTACTS; i++) {
            table.seen(contact(Key.random(random), 10, i + 1), i);
        }
        return new Population(localId, table);
    }

    /**
     * A contact with address {@code firstOctet.x.y.z:6881}, where {@code x.y.z} is {@code number}.
     *
     * @param id         the node id
     * @param firstOctet the first byte of the IPv4 address, in {@code [1, 223]}
     * @param number     the other three bytes, in {@code [0, 2^24)}
     * @return the contact
     */
    public static Contact contact(Key id, int firstOctet, int number) {
        Objects.checkIndex(number, 1 << 24);
        byte[] ip = {(byte) firstOctet, (byte) (number >>> 16), (byte) (number >>> 8), (byte) number};
        try {
            return new Contact(id, new InetSocketAddress(InetAddress.getByAddress(ip), 6881));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always make an IPv4 address", e);
        }
    }

    /**
     * The local node's id.
     *
     * @return the id
     */
    public Key localId() {
        return localId;
    }

    /**
     * The filled table. Benchmarks that update it own it: each fork builds its own.
     *
     * @return the table
     */
    public RoutingTable table() {
        return table;
    }

    /**
     * The table's contacts, by ascending bucket index.
     *
     * @return a new list
     */
    public List<Contact> contacts() {
        return new ArrayList<>(table.contacts());
    }
}
