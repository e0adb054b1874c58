package dev.kademlia.core.routing;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.util.Arrays;
import java.util.List;

/**
 * The contacts of one k-bucket sorted by id, with the crit-bit tree of the sorted ids, so that the
 * {@code r} contacts nearest to any target come out nearest first without copying, sorting or comparing
 * the bucket's contacts.
 *
 * <p>The tree. In an array of distinct ids sorted as unsigned numbers, call {@code crit(j)} the highest
 * bit in which ids {@code j} and {@code j + 1} differ. A run of ids whose highest such bit is {@code b}
 * agrees on every bit above {@code b}, and the ids with bit {@code b} clear come before those with it set;
 * so the adjacent pair with the highest {@code crit} splits the run in two at bit {@code b}, and each half
 * splits the same way. These splits form a binary tree (the Cartesian tree of the {@code crit} values,
 * which along any run has a unique maximum): an internal node is the split between ids {@code j} and
 * {@code j + 1}, at bit {@code crit(j)}, and the leaves are the ids. It is rebuilt in {@code O(m)} steps
 * whenever the set of ids changes; buckets hold at most {@code k} contacts.
 *
 * <p>The query. Under a node with bit {@code b}, all ids agree above {@code b}, so their XOR distances to
 * any target agree above {@code b} too, and the child whose bit {@code b} equals the target's is entirely
 * nearer than the other. Visiting the nearer child first, depth first, therefore yields the ids in order
 * of distance: a radix sort read off the tree, stopped after {@code r} leaves. It costs about {@code 2r}
 * node visits plus the depth of the tree, each a few array reads and one bit of the target. For bucket
 * {@code i} every split bit is below {@code i}, and nearly always in the highest 64-bit word of the key
 * below {@code i} (word {@code (256 - i) / 64}); the target's word is read once per query, and only a
 * split below that word (ids agreeing on 64 bits or more) reads the target's bit through {@link Key}.
 *
 * <p>Owned by one {@link KBucket}; not thread-safe.
 */
final class ContactTrie {

    /** The index of the target word that holds nearly every split bit of this bucket. */
    private final int orderingWord;
    /** The bit number of the least significant bit of {@link #orderingWord}. */
    private final int orderingLowBit;
    /** The contacts sorted by id, in {@code [0, size)}. */
    private Contact[] contacts = new Contact[4];
    private int size;
    /** {@code crit[j]}: the highest bit in which the ids of contacts {@code j} and {@code j + 1} differ. */
    private int[] crit = new int[4];
    /**
     * The children of internal node {@code j}: {@code children[2j]} holds the ids with bit {@code crit[j]}
     * clear, {@code children[2j + 1]} those with it set, each as a {@linkplain #node node reference}.
     */
    private long[] children = new long[8];
    /** The right spine of the tree while it is built. */
    private int[] spine = new int[4];
    /** The root as a node reference; meaningless when empty. */
    private long root;

    /**
     * Creates an empty trie for bucket {@code index}.
     *
     * @param index the bucket index in {@code [0, 255]}, which fixes the word holding the split bits
     */
    ContactTrie(int index) {
        this.orderingWord = Math.min(3, (Key.BITS - index) / 64);
        this.orderingLowBit = (3 - orderingWord) * 64;
    }

    /** The number of contacts. */
    int size() {
        return size;
    }

    /** Adds a contact whose id is not present. */
    void add(Contact contact) {
        int at = search(contact.id());
        if (at >= 0) {
            throw new IllegalStateException("id " + contact.id().toShortString(16) + " is already in the bucket");
        }
        at = ~at;
        if (size == contacts.length) {
            grow();
        }
        System.arraycopy(contacts, at, contacts, at + 1, size - at);
        contacts[at] = contact;
        size++;
        rebuild();
    }

    /** Removes the contact with this id; returns whether it was present. */
    boolean remove(Key id) {
        int at = positionOf(id);
        if (at < 0) {
            return false;
        }
        System.arraycopy(contacts, at + 1, contacts, at, size - at - 1);
        contacts[--size] = null;
        rebuild();
        return true;
    }

    /**
     * The position of the contact with this id, or {@code -1} if absent: the tree is descended along
     * {@code id}'s bits, which reads no other contact, and the leaf reached is the only candidate.
     */
    int positionOf(Key id) {
        if (size == 0) {
            return -1;
        }
        long word = id.word(orderingWord);
        long node = root;
        while (node >= 0) {
            node = children[2 * (int) node + side(node, word, id)];
        }
        int at = (int) ~node;
        return contacts[at].id().equals(id) ? at : -1;
    }

    /** The contact at a {@linkplain #positionOf position}. */
    Contact contactAt(int position) {
        return contacts[position];
    }

    /**
     * Puts {@code contact} at a {@linkplain #positionOf position} held by a contact with the same id (the
     * same node at a new address, say).
     */
    void replaceAt(int position, Contact contact) {
        if (!contacts[position].id().equals(contact.id())) {
            throw new IllegalStateException("position " + position + " holds " + contacts[position]
                    + ", not id " + contact.id().toShortString(16));
        }
        contacts[position] = contact;
    }

    /** The contacts in ascending order of id, in a new list. */
    List<Contact> inIdOrder() {
        return List.of(Arrays.copyOf(contacts, size));
    }

    /**
     * Writes the {@code min(r, size())} contacts nearest to {@code target} into {@code out} from
     * {@code at}, nearest first.
     *
     * @param pending scratch for the subtrees still to visit, of at least {@link Key#BITS} slots (each
     *                internal node on a path splits at a lower bit than its parent)
     * @return the position in {@code out} after the last contact written
     */
    int appendNearest(Key target, int r, Contact[] out, int at, long[] pending) {
        int end = at + Math.min(r, size);
        if (at == end) {
            return at;
        }
        long word = target.word(orderingWord);
        int top = 0;
        long node = root;
        while (true) {
            if (node < 0) {
                out[at++] = contacts[(int) ~node];
                if (at == end) {
                    return at;
                }
                node = pending[--top];
            } else {
                int side = side(node, word, target);
                int j = 2 * (int) node;
                pending[top++] = children[j + 1 - side];
                node = children[j + side];
            }
        }
    }

    /**
     * A reference to a node of the tree, which carries the split bit of an internal node so that a visit
     * reads one array slot: internal node {@code j} as {@code crit[j] << 32 | j} (non-negative), and the
     * leaf of the contact at position {@code p} as {@code ~p} (negative).
     */
    private long node(int j) {
        return (long) crit[j] << 32 | j;
    }

    /**
     * Which child of internal node {@code node} (a node reference) holds the ids that agree with
     * {@code key} at the node's bit: {@code 0} or {@code 1}, that bit of {@code key}.
     *
     * @param word {@code key}'s {@linkplain #orderingWord ordering word}, which nearly always holds the bit
     */
    private int side(long node, long word, Key key) {
        int bit = (int) (node >>> 32);
        return bit >= orderingLowBit ? (int) (word >>> (bit - orderingLowBit)) & 1 : key.testBit(bit) ? 1 : 0;
    }

    /** The position of {@code id} in {@link #contacts}, or {@code ~insertionPoint} if absent. */
    private int search(Key id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = contacts[mid].id().compareTo(id);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return ~low;
    }

    private void grow() {
        int capacity = contacts.length * 2;
        contacts = Arrays.copyOf(contacts, capacity);
        crit = new int[capacity];
        children = new long[2 * capacity];
        spine = new int[capacity];
    }

    /**
     * Recomputes {@link #crit} and rebuilds the tree with the classic stack construction of a Cartesian
     * tree: each new node takes the spine nodes with lower bits as its left subtree and becomes the right
     * child of the spine node above them.
     */
    private void rebuild() {
        int internal = size - 1;
        if (internal <= 0) {
            root = ~0L;
            return;
        }
        for (int j = 0; j < internal; j++) {
            crit[j] = contacts[j].id().bucketIndex(contacts[j + 1].id());
        }
        int depth = 0;
        for (int j = 0; j < internal; j++) {
            long popped = ~(long) j; // the leaf j, unless spine nodes with lower bits come off
            while (depth > 0 && crit[spine[depth - 1]] < crit[j]) {
                popped = node(spine[--depth]);
            }
            children[2 * j] = popped;
            children[2 * j + 1] = ~(long) (j + 1); // the leaf j + 1, unless a later node takes its place
            if (depth > 0) {
                children[2 * spine[depth - 1] + 1] = node(j);
            }
            spine[depth++] = j;
        }
        root = node(spine[0]);
    }
}
