package dev.kademlia.store.rocksdb;

import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoreException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks at a data directory before RocksDB opens it, so that a store whose {@code CURRENT} file is lost is
 * reported as corrupt instead of being replaced by a new, empty database.
 */
final class DataDirectory {

    /** How many unexpected file names an error message lists. */
    private static final int NAMES_SHOWN = 5;

    private DataDirectory() {
    }

    /**
     * Creates {@code directory} if needed and tells whether it holds a database.
     *
     * @param directory the data directory, absolute
     * @return true if it holds a RocksDB {@code CURRENT} file; false if it is new or holds nothing but
     *     RocksDB's lock and log files, so a new store may be created in it
     * @throws StoreException {@link Reason#CORRUPT} if it holds other files but no {@code CURRENT};
     *     {@link Reason#BACKEND_FAILURE} if it cannot be created or listed
     */
    static boolean prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.exists(directory.resolve("CURRENT"))) {
                return true;
            }
            List<String> unexpected;
            try (Stream<Path> entries = Files.list(directory)) {
                unexpected = entries.map(p -> p.getFileName().toString())
                        .filter(name -> !isLockOrLog(name))
                        .sorted()
                        .collect(Collectors.toList());
            }
            if (!unexpected.isEmpty()) {
                String shown = unexpected.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "))
                        + (unexpected.size() > NAMES_SHOWN ? ", ..." : "");
                throw new StoreException(Reason.CORRUPT, "the data directory " + directory
                        + " has no RocksDB CURRENT file but is not empty (it holds " + shown + "): either the "
                        + "store's CURRENT file is lost or this is not a store directory. It was left untouched; "
                        + "restore the store's files or choose an empty directory");
            }
            return false;
        } catch (IOException e) {
            throw new StoreException(Reason.BACKEND_FAILURE,
                    "cannot create or read the data directory " + directory + ": " + e, e);
        }
    }

    private static boolean isLockOrLog(String name) {
        return name.equals("LOCK") || name.equals("LOG") || name.startsWith("LOG.old.");
    }
}
