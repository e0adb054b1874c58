package dev.kademlia.benchmarks.mldht;

import dev.kademlia.api.Contact;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lbms.plugins.mldht.DHTConfiguration;
import lbms.plugins.mldht.kad.DHT;
import lbms.plugins.mldht.kad.DHTConstants;
import lbms.plugins.mldht.kad.DHTLogger;
import lbms.plugins.mldht.kad.KBucket;
import lbms.plugins.mldht.kad.KBucketEntry;
import lbms.plugins.mldht.kad.KClosestNodesSearch;
import lbms.plugins.mldht.kad.Key;
import lbms.plugins.mldht.kad.Node;
import lbms.plugins.mldht.kad.Prefix;
import lbms.plugins.mldht.kad.RPCServerManager;

/**
 * An mldht routing table holding given contacts, queried with mldht's own FIND_NODE code,
 * {@link KClosestNodesSearch}.
 *
 * <p>How it is built. mldht keeps its table inside {@link Node}, which a running {@link DHT} creates when
 * it starts (opening sockets and threads), and inserts through {@code Node.insertEntry}, whose split
 * policy splits only the buckets around the node's own ids: one mldht id keeps about
 * {@code 8 * log2(N / 8)} contacts, nowhere near 2,000. So the table is built directly from mldht's public
 * parts instead: the contacts' ids are split into a prefix tree ({@link Prefix#splitPrefixBranch}) until
 * every leaf holds at most {@value DHTConstants#MAX_ENTRIES_PER_BUCKET} contacts (mldht's bucket
 * capacity); each leaf becomes a {@link KBucket} filled with {@link KBucket#insertOrRefresh}, wrapped in a
 * {@link Node.RoutingTableEntry}; {@link Node.RoutingTable#modify} assembles them into mldht's sorted,
 * indexed table. That is the shape mldht's table takes whenever it holds that many contacts (prefix
 * buckets of up to 8), and every contact is marked as having answered ({@link KBucketEntry#signalResponse})
 * so that mldht's FIND_NODE filter ({@link KBucketEntry#eligibleForNodesList}) lets it through, as it
 * would for a live contact.
 *
 * <p>Four non-public fields are then set by reflection, the least that makes {@link KClosestNodesSearch}
 * run without starting the DHT: the {@code DHT}'s {@code node} (a plain {@code new Node(dht)}), the
 * {@code Node}'s {@code routingTableCOW} (the table above), the {@code DHT}'s {@code serverManager} (a
 * plain {@code new RPCServerManager(dht)} with no server: {@code fill()} asks it for a server to
 * advertise and gets none), and the {@code DHT}'s {@code config}, which the server manager's constructor
 * reads (a configuration with mldht's defaults; nothing else reads it here). mldht's static logger is
 * replaced by one that drops everything, so nothing prints.
 */
public final class MldhtTable {

    private final DHT dht;
    private final Node.RoutingTable table;

    private MldhtTable(DHT dht, Node.RoutingTable table) {
        this.dht = dht;
        this.table = table;
    }

    /**
     * Builds mldht's table for {@code contacts}, our keys cut to mldht's 160 bits ({@link MldhtKeys}).
     *
     * @param localId  the local id (mldht marks the buckets that cover it as home buckets)
     * @param contacts the contacts; their IP addresses must differ
     * @return the table, ready to query
     */
    public static MldhtTable of(dev.kademlia.api.Key localId, List<Contact> contacts) {
        DHT.setLogger(new Silent());
        Key local = MldhtKeys.of(localId);
        List<KBucketEntry> entries = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            KBucketEntry entry = new KBucketEntry(contact.address(), MldhtKeys.of(contact.id()));
            entry.signalResponse(50);
            entries.add(entry);
        }
        List<Node.RoutingTableEntry> leaves = new ArrayList<>();
        split(Prefix.WHOLE_KEYSPACE, entries, local, leaves);
        Node.RoutingTable empty = new Node.RoutingTable();
        Node.RoutingTable table = empty.modify(List.of(empty.get(0)), leaves);
        int held = table.stream().mapToInt(e -> e.getBucket().getNumEntries()).sum();
        if (held != contacts.size()) {
            throw new IllegalStateException("mldht's buckets took " + held + " of " + contacts.size()
                    + " contacts; their IP addresses must differ");
        }

        DHT dht = new DHT(DHT.DHTtype.IPV4_DHT);
        Node node = new Node(dht);
        set(Node.class, node, "routingTableCOW", table);
        set(DHT.class, dht, "node", node);
        set(DHT.class, dht, "config", new Configuration());
        set(DHT.class, dht, "serverManager", new RPCServerManager(dht));
        return new MldhtTable(dht, table);
    }

    /**
     * {@link #closest} sorted nearest first with mldht's {@link KBucketEntry.DistanceOrder}, as our table
     * returns its answer.
     *
     * @param target the target
     * @param n      how many entries at most
     * @return a new list, nearest first
     */
    public List<KBucketEntry> closestSorted(Key target, int n) {
        List<KBucketEntry> entries = new ArrayList<>(closest(target, n));
        entries.sort(new KBucketEntry.DistanceOrder(target));
        return entries;
    }

    private static void split(Prefix prefix, List<KBucketEntry> entries, Key local,
            List<Node.RoutingTableEntry> out) {
        if (entries.size() <= DHTConstants.MAX_ENTRIES_PER_BUCKET) {
            KBucket bucket = new KBucket();
            entries.forEach(bucket::insertOrRefresh);
            out.add(new Node.RoutingTableEntry(prefix, bucket, p -> p.isPrefixOf(local)));
            return;
        }
        Prefix low = prefix.splitPrefixBranch(false);
        Prefix high = prefix.splitPrefixBranch(true);
        List<KBucketEntry> lowEntries = new ArrayList<>();
        List<KBucketEntry> highEntries = new ArrayList<>();
        for (KBucketEntry entry : entries) {
            (low.isPrefixOf(entry.getID()) ? lowEntries : highEntries).add(entry);
        }
        split(low, lowEntries, local, out);
        split(high, highEntries, local, out);
    }

    /** Drops mldht's log messages. */
    private static final class Silent implements DHTLogger {

        @Override
        public void log(String message, DHT.LogLevel level) {
            // the benchmark output stays clean
        }

        @Override
        public void log(Throwable error, DHT.LogLevel level) {
            // the benchmark output stays clean
        }
    }

    /** mldht's defaults; the DHT is never started, so no port is opened and nothing is stored. */
    private static final class Configuration implements DHTConfiguration {

        @Override
        public boolean isPersistingID() {
            return false;
        }

        @Override
        public Path getStoragePath() {
            return Path.of(".");
        }

        @Override
        public int getListeningPort() {
            return 49001;
        }

        @Override
        public boolean noRouterBootstrap() {
            return true;
        }

        @Override
        public boolean allowMultiHoming() {
            return false;
        }
    }

    private static void set(Class<?> type, Object target, String name, Object value) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bt-dht 1.9 has a field " + type.getName() + "." + name
                    + "; this version does not", e);
        }
    }

    /**
     * The number of buckets (prefix leaves) of the table.
     *
     * @return the bucket count
     */
    public int buckets() {
        return table.size();
    }

    /**
     * mldht's answer to FIND_NODE: a new {@link KClosestNodesSearch} for {@code target}, filled from the
     * table. The entries are the {@code n} closest, in the order mldht collects them: bucket by bucket in
     * distance order, only the last bucket sorted (mldht does not sort the rest).
     *
     * @param target the target
     * @param n      how many entries at most
     * @return the entries
     */
    public List<KBucketEntry> closest(Key target, int n) {
        KClosestNodesSearch search = new KClosestNodesSearch(target, n, dht);
        search.fill();
        return search.getEntries();
    }
}
