package dev.kademlia.store.rocksdb;

/**
 * What an acknowledged write of a {@link RocksDbStore} survives: when {@code put}, {@code remove} or
 * {@code putMetadata} returns, the change is in RocksDB's write-ahead log, and this setting says how far
 * that log has been pushed towards the disk.
 */
public enum Durability {

    /**
     * The write-ahead log record is handed to the operating system ({@code write(2)}) before the call
     * returns, but not forced to the device. An acknowledged write survives a crash or kill of the JVM;
     * a crash of the operating system or a power loss may lose the last writes (never half of one: each
     * write is one atomic batch, and recovery stops at the last complete record). Costs a memory copy
     * and one system call per write. The default.
     */
    PROCESS_CRASH,

    /**
     * The write-ahead log is also synced ({@code fdatasync(2)}) before the call returns
     * ({@code WriteOptions.setSync(true)}). An acknowledged write survives an operating-system crash and
     * a power loss, as far as the device honours flushes. Costs a device flush per write, typically
     * hundreds of microseconds on an SSD and milliseconds on a disk; concurrent writers share flushes
     * (group commit).
     */
    POWER_LOSS
}
