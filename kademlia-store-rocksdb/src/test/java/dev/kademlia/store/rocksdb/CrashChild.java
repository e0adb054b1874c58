package dev.kademlia.store.rocksdb;

import dev.kademlia.api.Key;
import dev.kademlia.api.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process {@link RocksDbStoreCrashTest} kills: opens the store in {@code args[0]}, writes the node
 * metadata and then up to {@code args[1]} entries, printing {@code acked i} once the put of entry
 * {@code i} has returned, and then waits to be killed. It never closes the store.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /**
     * The key of entry {@code i}.
     *
     * @param i the entry's number
     * @return its key
     */
    static Key key(int i) {
        return Key.sha256("crash entry " + i);
    }

    /**
     * The entry numbered {@code i}.
     *
     * @param i the entry's number
     * @return the entry
     */
    static StoredValue entry(int i) {
        return new StoredValue(key(i), ("value " + i).repeat(1 + i % 7).getBytes(StandardCharsets.UTF_8),
                i % 2 == 0 ? StoredValue.NEVER : 1_000_000L + i, i, i % 3 == 0);
    }

    /**
     * Runs the child.
     *
     * @param args the data directory and the number of entries
     * @throws InterruptedException never in practice: the process is killed while it sleeps
     */
    public static void main(String[] args) throws InterruptedException {
        RocksDbStore store = RocksDbStore.open(Path.of(args[0]), 1_000);
        int entries = Integer.parseInt(args[1]);
        store.putMetadata("node-id", "crash child".getBytes(StandardCharsets.UTF_8));
        System.out.println("acked metadata");
        for (int i = 0; i < entries; i++) {
            store.put(entry(i));
            System.out.println("acked " + i);
        }
        System.out.println("done");
        while (true) {
            Thread.sleep(1_000);
        }
    }
}
