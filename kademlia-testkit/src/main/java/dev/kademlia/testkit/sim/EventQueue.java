package dev.kademlia.testkit.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;

/**
 * The {@link VirtualScheduler}'s queue: events ordered by due time, then by the order they were added.
 *
 * <p>Implementation notes. Simulated time is in whole milliseconds and latencies span a few hundred of
 * them, so thousands of events typically share a due time. Rather than one heap entry per event (whose
 * sifting chases pointers through a large heap), the queue keeps one FIFO bucket per distinct due time and
 * a small binary min-heap of those times: adding an event is a hash lookup and an append, and taking one is
 * an array read; only the first and last event of a time touch the heap. Insertion order within a time
 * comes free from appending. Cancelled entries (their task cleared) stay in their bucket until they are
 * reached, or until they outnumber the live ones and the buckets are compacted; when the last live entry
 * is cancelled, everything is dropped, so cancelled timers never keep a simulation alive.
 */
final class EventQueue {

    /** A task due at a time. */
    static class Entry {

        final long due;
        /** The task; null once the entry has been taken to run, or cancelled. */
        Runnable task;

        Entry(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }
    }

    /** The entries due at one time, in the order they were added. */
    private static final class Bucket {

        final long time;
        Entry[] entries = new Entry[4];
        int head;
        int tail;

        Bucket(long time) {
            this.time = time;
        }

        void add(Entry entry) {
            if (tail == entries.length) {
                entries = Arrays.copyOf(entries, tail * 2);
            }
            entries[tail++] = entry;
        }

        boolean isEmpty() {
            return head == tail;
        }

        /** Drops cancelled entries, keeping the order of the rest. */
        void compact() {
            int kept = 0;
            for (int i = head; i < tail; i++) {
                if (entries[i].task != null) {
                    entries[kept++] = entries[i];
                }
            }
            Arrays.fill(entries, kept, tail, null);
            head = 0;
            tail = kept;
        }
    }

    /** Below this many cancelled entries in the buckets they are left to be skipped when reached. */
    private static final int PURGE_THRESHOLD = 4_096;

    private final HashMap<Long, Bucket> buckets = new HashMap<>();
    /** Min-heap of the times that have a bucket. */
    private long[] times = new long[64];
    private int timeCount;
    /** The bucket of the earliest time, cached while it is being drained. */
    private Bucket first;
    private int live;
    private int cancelled;

    /**
     * The number of entries still to run.
     *
     * @return the count, cancelled entries excluded
     */
    int size() {
        return live;
    }

    /**
     * Appends {@code entry} behind every entry already due at the same time.
     *
     * @param entry the entry
     */
    void add(Entry entry) {
        Bucket bucket = first != null && first.time == entry.due ? first : buckets.get(entry.due);
        if (bucket == null) {
            bucket = new Bucket(entry.due);
            buckets.put(entry.due, bucket);
            pushTime(entry.due);
            if (first != null && entry.due < first.time) {
                first = null;
            }
        }
        bucket.add(entry);
        live++;
    }

    /**
     * Cancels {@code entry} if it is still to run.
     *
     * @param entry an entry of this queue
     */
    void cancel(Entry entry) {
        if (entry.task == null) {
            return;
        }
        entry.task = null;
        live--;
        cancelled++;
        if (live == 0) {
            clear();
        } else if (cancelled > PURGE_THRESHOLD && cancelled > live) {
            purgeCancelled();
        }
    }

    /**
     * The earliest live entry, left in place; cancelled entries ahead of it are discarded.
     *
     * @return the entry, or null if there is none
     */
    Entry peek() {
        while (timeCount > 0) {
            Bucket bucket = firstBucket();
            while (!bucket.isEmpty()) {
                Entry entry = bucket.entries[bucket.head];
                if (entry.task != null) {
                    return entry;
                }
                bucket.entries[bucket.head++] = null;
                cancelled--;
            }
            removeFirstBucket();
        }
        return null;
    }

    /**
     * Removes the live entry {@link #peek()} returned and takes its task, so that it can no longer be
     * cancelled.
     *
     * @return the task
     */
    Runnable takeFirst() {
        Bucket bucket = firstBucket();
        Entry entry = bucket.entries[bucket.head];
        bucket.entries[bucket.head++] = null;
        if (bucket.isEmpty()) {
            removeFirstBucket();
        }
        Runnable task = entry.task;
        entry.task = null;
        live--;
        return task;
    }

    private void purgeCancelled() {
        cancelled = 0;
        first = null;
        timeCount = 0;
        Iterator<Bucket> it = buckets.values().iterator();
        while (it.hasNext()) {
            Bucket bucket = it.next();
            bucket.compact();
            if (bucket.isEmpty()) {
                it.remove();
            } else {
                pushTime(bucket.time);
            }
        }
    }

    private void clear() {
        cancelled = 0;
        buckets.clear();
        timeCount = 0;
        first = null;
    }

    private Bucket firstBucket() {
        if (first == null) {
            first = buckets.get(times[0]);
        }
        return first;
    }

    private void removeFirstBucket() {
        buckets.remove(times[0]);
        first = null;
        long last = times[--timeCount];
        if (timeCount > 0) {
            siftDown(last);
        }
    }

    private void pushTime(long time) {
        if (timeCount == times.length) {
            times = Arrays.copyOf(times, timeCount * 2);
        }
        int i = timeCount++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (times[parent] <= time) {
                break;
            }
            times[i] = times[parent];
            i = parent;
        }
        times[i] = time;
    }

    /** Places {@code time} from the root down, the root having been removed. */
    private void siftDown(long time) {
        int i = 0;
        int half = timeCount >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < timeCount && times[right] < times[child]) {
                child = right;
            }
            if (time <= times[child]) {
                break;
            }
            times[i] = times[child];
            i = child;
        }
        times[i] = time;
    }
}
