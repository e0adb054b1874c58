package dev.kademlia.store.rocksdb;

import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreException.Reason;
import java.nio.file.Path;
import java.util.Locale;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns RocksDB's exceptions into the store SPI's small closed set of {@link StoreException}s. */
final class RocksDbFailures {

    private RocksDbFailures() {
    }

    /**
     * The exception for a failed open.
     *
     * @param directory the data directory
     * @param existing  whether the directory held a RocksDB database (a {@code CURRENT} file) before
     * @param e         RocksDB's exception
     * @return {@link Reason#LOCKED} if another store holds the directory's lock, {@link Reason#CORRUPT} if
     *     the files are damaged or do not form a store, {@link Reason#BACKEND_FAILURE} otherwise
     */
    static StoreException onOpen(Path directory, boolean existing, RocksDBException e) {
        Status.Code code = code(e);
        String detail = detail(e);
        if (code == Status.Code.IOError && detail.toLowerCase(Locale.ROOT).contains("lock")) {
            return new StoreException(Reason.LOCKED, "the data directory " + directory
                    + " is in use by another open store, in this process or another; close that store or "
                    + "choose another directory (" + detail + ")", e);
        }
        if (code == Status.Code.Corruption) {
            return new StoreException(Reason.CORRUPT, "the store in " + directory
                    + " is corrupt and was left untouched: " + detail, e);
        }
        if (existing && (code == Status.Code.InvalidArgument || code == Status.Code.NotFound
                || (code == Status.Code.IOError && detail.contains("No such file")))) {
            return new StoreException(Reason.CORRUPT, "the RocksDB database in " + directory
                    + " is damaged or is not a Kademlia store, and was left untouched: " + detail, e);
        }
        return new StoreException(Reason.BACKEND_FAILURE, "cannot open the store in " + directory + ": " + detail,
                e);
    }

    /**
     * The exception for a failed read or write on an open store.
     *
     * @param directory the data directory
     * @param action    what was being done, e.g. {@code "put"}
     * @param e         RocksDB's exception
     * @return {@link Reason#CORRUPT} for RocksDB's corruption status, else {@link Reason#BACKEND_FAILURE}
     */
    static StoreException onOperation(Path directory, String action, RocksDBException e) {
        Reason reason = code(e) == Status.Code.Corruption ? Reason.CORRUPT : Reason.BACKEND_FAILURE;
        return new StoreException(reason, action + " failed in the store in " + directory + ": " + detail(e), e);
    }

    private static Status.Code code(RocksDBException e) {
        return e.getStatus() == null ? Status.Code.Undefined : e.getStatus().getCode();
    }

    private static String detail(RocksDBException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? code(e).name() : message;
    }
}
