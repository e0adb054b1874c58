package dev.kademlia.store.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A store directory opened with plain RocksDB, bypassing {@link RocksDbStore}, so tests can look at the
 * raw layout and write records the store would never write.
 */
final class RawDatabase implements AutoCloseable {

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();

    /**
     * Opens the store's four column families; the store must be closed.
     *
     * @param directory the data directory
     * @throws RocksDBException if RocksDB cannot open it
     */
    RawDatabase(Path directory) throws RocksDBException {
        dbOptions = new DBOptions();
        familyOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> families = new ArrayList<>();
        families.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
        for (String name : List.of(StoreDatabase.VALUES, StoreDatabase.EXPIRY, StoreDatabase.METADATA)) {
            families.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.US_ASCII), familyOptions));
        }
        try {
            db = RocksDB.open(dbOptions, directory.toString(), families, handles);
        } catch (RocksDBException e) {
            familyOptions.close();
            dbOptions.close();
            throw e;
        }
    }

    private ColumnFamilyHandle family(String name) {
        switch (name) {
            case "default":
                return handles.get(0);
            case StoreDatabase.VALUES:
                return handles.get(1);
            case StoreDatabase.EXPIRY:
                return handles.get(2);
            case StoreDatabase.METADATA:
                return handles.get(3);
            default:
                throw new IllegalArgumentException("no column family " + name);
        }
    }

    void put(String family, byte[] key, byte[] value) throws RocksDBException {
        db.put(family(family), key, value);
    }

    byte[] get(String family, byte[] key) throws RocksDBException {
        return db.get(family(family), key);
    }

    /** Every key of a column family, in order. */
    List<byte[]> keys(String family) {
        List<byte[]> keys = new ArrayList<>();
        try (RocksIterator it = db.newIterator(family(family))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                keys.add(it.key());
            }
        }
        return keys;
    }

    @Override
    public void close() throws RocksDBException {
        for (ColumnFamilyHandle handle : handles) {
            handle.close();
        }
        db.closeE();
        familyOptions.close();
        dbOptions.close();
    }
}
