package dev.kademlia.store.rocksdb;

import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * An open RocksDB database with the store's four column families, and every native object that must be
 * freed with it. {@link #close()} frees them all, most recent first: whatever the store registered with
 * {@link #own}, the column family handles, the database (which releases the directory's lock), and the
 * options it was opened with.
 */
final class StoreDatabase implements AutoCloseable {

    /** The column family of the values. */
    static final String VALUES = "values";

    /** The column family of the expiry index. */
    static final String EXPIRY = "expiry";

    /** The column family of node metadata. */
    static final String METADATA = "metadata";

    private static final int BLOOM_BITS_PER_KEY = 10;
    private static final long KEEP_LOG_FILES = 4;
    private static final long MAX_LOG_FILE_BYTES = 1L << 20;

    /** The database. */
    final RocksDB db;

    /** The {@code default} family: the format marker. */
    final ColumnFamilyHandle defaultFamily;

    /** The {@code values} family. */
    final ColumnFamilyHandle values;

    /** The {@code expiry} family. */
    final ColumnFamilyHandle expiry;

    /** The {@code metadata} family. */
    final ColumnFamilyHandle metadata;

    private final Deque<AutoCloseable> natives;

    private StoreDatabase(RocksDB db, List<ColumnFamilyHandle> handles, Deque<AutoCloseable> natives) {
        this.db = db;
        this.defaultFamily = handles.get(0);
        this.values = handles.get(1);
        this.expiry = handles.get(2);
        this.metadata = handles.get(3);
        this.natives = natives;
    }

    /**
     * Opens the database in {@code directory}, creating it and its column families if it is new.
     *
     * @param directory the data directory, absolute
     * @param existing  whether it already holds a database; if so, nothing is created, and a missing
     *                  column family is an error
     * @return the open database
     * @throws StoreException if RocksDB refuses: locked, corrupt, or another failure
     */
    static StoreDatabase open(Path directory, boolean existing) {
        Deque<AutoCloseable> natives = new ArrayDeque<>();
        try {
            DBOptions dbOptions = push(natives, new DBOptions()
                    .setCreateIfMissing(!existing)
                    .setCreateMissingColumnFamilies(!existing)
                    .setKeepLogFileNum(KEEP_LOG_FILES)
                    .setMaxLogFileSize(MAX_LOG_FILE_BYTES));
            ColumnFamilyOptions plain = push(natives, new ColumnFamilyOptions());
            BloomFilter bloom = push(natives, new BloomFilter(BLOOM_BITS_PER_KEY));
            ColumnFamilyOptions valueOptions = push(natives, new ColumnFamilyOptions()
                    .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom)));
            List<ColumnFamilyDescriptor> families = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plain),
                    new ColumnFamilyDescriptor(ascii(VALUES), valueOptions),
                    new ColumnFamilyDescriptor(ascii(EXPIRY), plain),
                    new ColumnFamilyDescriptor(ascii(METADATA), plain));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db;
            try {
                db = RocksDB.open(dbOptions, directory.toString(), families, handles);
            } catch (RocksDBException e) {
                throw RocksDbFailures.onOpen(directory, existing, e);
            }
            natives.push(db::closeE);
            handles.forEach(natives::push);
            return new StoreDatabase(db, handles, natives);
        } catch (RuntimeException | Error e) {
            try {
                closeAll(natives);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Registers a native object to be freed before the database closes.
     *
     * @param <T>      its type
     * @param resource the object, such as {@code WriteOptions}
     * @return {@code resource}
     */
    <T extends AutoCloseable> T own(T resource) {
        return push(natives, resource);
    }

    /**
     * Frees every native object and closes the database. Call once.
     *
     * @throws StoreException {@link Reason#BACKEND_FAILURE} if RocksDB reports an error; everything is
     *     freed all the same
     */
    @Override
    public void close() {
        closeAll(natives);
    }

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> natives, T resource) {
        natives.push(resource);
        return resource;
    }

    /** Closes every resource, most recent first, and reports the first failure after trying them all. */
    private static void closeAll(Deque<AutoCloseable> natives) {
        Exception failure = null;
        while (!natives.isEmpty()) {
            try {
                natives.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new StoreException(Reason.BACKEND_FAILURE, "closing the RocksDB store failed: " + failure,
                    failure);
        }
    }
}
