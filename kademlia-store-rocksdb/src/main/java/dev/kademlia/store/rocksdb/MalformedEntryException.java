package dev.kademlia.store.rocksdb;

/**
 * A record read from RocksDB does not follow the layout of {@link EntryCodec}. The store turns it into a
 * {@link dev.kademlia.api.spi.StoreException} with reason {@code CORRUPT} that names the key and the
 * directory.
 */
final class MalformedEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the bytes
     */
    MalformedEntryException(String message) {
        super(message);
    }
}
