package dev.kademlia.core.lookup;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An in-memory graph of nodes for property tests: each node knows some contacts and answers FIND_NODE
 * with the {@code k} it knows closest to the target, or behaves badly. Everything is drawn from one
 * seeded generator, so a failing case replays exactly.
 */
final class SimulatedNetwork {

    /** How a node treats a request. */
    enum Behaviour {
        /** Answers before the lookup's peer timeout. */
        RESPONSIVE,
        /** Answers, but only after the peer timeout has passed. */
        SLOW,
        /** Never answers; the driver may or may not report a hard failure much later. */
        SILENT,
        /** Reports an error quickly. */
        FAILING
    }

    private record Node(Contact contact, List<Contact> known, Behaviour behaviour, boolean noisy) {}

    private final Contact local;
    private final List<Contact> contacts;
    private final Map<Key, Node> nodes;
    private final List<Contact> localKnows;
    /** Contacts of no node: noisy nodes hand them out; asking them gets no answer. */
    private final List<Contact> ghosts;

    private SimulatedNetwork(Contact local, List<Contact> contacts, Map<Key, Node> nodes,
            List<Contact> localKnows, List<Contact> ghosts) {
        this.local = local;
        this.contacts = contacts;
        this.nodes = nodes;
        this.localKnows = localKnows;
        this.ghosts = ghosts;
    }

    /**
     * A graph where each node knows a random handful of others plus its own few true closest (possibly
     * our local node too); a random share of nodes is slow, silent or failing, and some add garbage to
     * their answers (themselves, duplicates, our own contact, the target, contacts of no node).
     */
    static SimulatedNetwork unreliable(SplittableRandom random, int size, int k) {
        Contact local = localContact(random);
        List<Contact> contacts = randomContacts(random, size);
        int badPercent = random.nextInt(0, 60);
        Map<Key, Node> nodes = new HashMap<>();
        for (Contact self : contacts) {
            Set<Contact> known = new LinkedHashSet<>(trueClosest(contacts, self.id(), random.nextInt(0, 4)));
            known.addAll(sample(random, contacts, random.nextInt(0, 2 * k + 1)));
            known.remove(self);
            if (random.nextInt(10) == 0) {
                known.add(local);
            }
            Behaviour behaviour = Behaviour.RESPONSIVE;
            if (random.nextInt(100) < badPercent) {
                behaviour = Behaviour.values()[random.nextInt(1, Behaviour.values().length)];
            }
            nodes.put(self.id(), new Node(self, List.copyOf(known), behaviour, random.nextInt(5) == 0));
        }
        List<Contact> localKnows = sample(random, contacts, random.nextInt(0, Math.min(size, 3 * k) + 1));
        List<Contact> ghosts = randomContacts(random, 8);
        return new SimulatedNetwork(local, contacts, nodes, localKnows, ghosts);
    }

    /**
     * A graph where everyone answers in time and every node, ours included, knows {@code min(k, n)} random
     * members of each of its k-buckets holding {@code n} nodes, as complete routing tables would. (Knowing
     * only its own closest few does not make a graph well connected: a lookup can then stay in a far
     * cluster.) Each node also knows its true {@code k} closest. A lookup must then find the true
     * {@code k} closest: a peer of the final answer that is not among them would have returned {@code k}
     * contacts closer than itself.
     */
    static SimulatedNetwork wellConnected(SplittableRandom random, int size, int k) {
        Contact local = localContact(random);
        List<Contact> contacts = randomContacts(random, size);
        Map<Key, Node> nodes = new HashMap<>();
        for (Contact self : contacts) {
            Set<Contact> known = new LinkedHashSet<>(bucketSample(random, contacts, self.id(), k));
            known.addAll(trueClosest(contacts, self.id(), k + 1));
            known.remove(self);
            nodes.put(self.id(), new Node(self, List.copyOf(known), Behaviour.RESPONSIVE, false));
        }
        List<Contact> localKnows = bucketSample(random, contacts, local.id(), k);
        return new SimulatedNetwork(local, contacts, nodes, localKnows, List.of());
    }

    /** The contact of the node that runs the lookup; it is not one of {@link #contacts()}. */
    Contact local() {
        return local;
    }

    /** The nodes of the graph. */
    List<Contact> contacts() {
        return contacts;
    }

    /** How many distinct contacts a lookup could ever learn of (nodes, ghosts and one for the target). */
    int contactsLearnable() {
        return contacts.size() + ghosts.size() + 1;
    }

    /** The {@code k} contacts the local node knows closest to {@code target}, as a routing table gives. */
    List<Contact> seeds(Key target, int k) {
        return closestOf(localKnows, target, k);
    }

    /** How the node with {@code id} behaves; contacts of no node are silent. */
    Behaviour behaviourOf(Key id) {
        Node node = nodes.get(id);
        return node == null ? Behaviour.SILENT : node.behaviour();
    }

    /** The answer of node {@code at} to FIND_NODE(target): the {@code k} it knows closest, and garbage. */
    List<Contact> findNode(Key at, Key target, int k, SplittableRandom random) {
        Node node = nodes.get(at);
        List<Contact> answer = new ArrayList<>(closestOf(node.known(), target, k));
        if (node.noisy()) {
            answer.add(node.contact());
            if (!answer.isEmpty()) {
                answer.add(answer.get(0));
            }
            answer.add(local);
            answer.add(new Contact(target, new InetSocketAddress(TestContacts.LOOPBACK, 7)));
            answer.add(ghosts.get(random.nextInt(ghosts.size())));
            Collections.shuffle(answer, new Random(random.nextLong()));
        }
        return answer;
    }

    /** The true {@code count} closest nodes of the whole graph to {@code target}, nearest first. */
    List<Contact> closest(Key target, int count) {
        return closestOf(contacts, target, count);
    }

    static List<Contact> closestOf(List<Contact> candidates, Key target, int count) {
        List<Contact> sorted = new ArrayList<>(candidates);
        sorted.sort(byDistanceTo(target));
        return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
    }

    static Comparator<Contact> byDistanceTo(Key target) {
        return (a, b) -> target.compareDistance(a.id(), b.id());
    }

    private static Contact localContact(SplittableRandom random) {
        return new Contact(Key.random(random), new InetSocketAddress(TestContacts.address(127, 0, 0, 2), 4_000));
    }

    private static List<Contact> randomContacts(SplittableRandom random, int size) {
        List<Contact> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Contact(Key.random(random), new InetSocketAddress(TestContacts.LOOPBACK, 1 + i)));
        }
        return out;
    }

    /** The {@code count} contacts closest to {@code id} other than {@code id} itself, by selection. */
    private static List<Contact> trueClosest(List<Contact> contacts, Key id, int count) {
        List<Contact> best = new ArrayList<>(count + 1);
        Comparator<Contact> order = byDistanceTo(id);
        for (Contact c : contacts) {
            if (c.id().equals(id)) {
                continue;
            }
            int at = best.size();
            while (at > 0 && order.compare(c, best.get(at - 1)) < 0) {
                at--;
            }
            if (at < count) {
                best.add(at, c);
                if (best.size() > count) {
                    best.remove(count);
                }
            }
        }
        return best;
    }

    /** Up to {@code k} random members of every k-bucket of {@code id}. */
    private static List<Contact> bucketSample(SplittableRandom random, List<Contact> contacts, Key id, int k) {
        List<List<Contact>> buckets = new ArrayList<>(Key.BITS);
        for (int i = 0; i < Key.BITS; i++) {
            buckets.add(null);
        }
        for (Contact c : contacts) {
            int index = id.bucketIndex(c.id());
            if (index < 0) {
                continue;
            }
            if (buckets.get(index) == null) {
                buckets.set(index, new ArrayList<>());
            }
            buckets.get(index).add(c);
        }
        List<Contact> out = new ArrayList<>();
        for (List<Contact> bucket : buckets) {
            if (bucket != null) {
                out.addAll(sample(random, bucket, k));
            }
        }
        return out;
    }

    /** Up to {@code count} distinct random elements of {@code from}. */
    private static List<Contact> sample(SplittableRandom random, List<Contact> from, int count) {
        List<Contact> copy = new ArrayList<>(from);
        int n = Math.min(count, copy.size());
        for (int i = 0; i < n; i++) {
            Collections.swap(copy, i, random.nextInt(i, copy.size()));
        }
        return List.copyOf(copy.subList(0, n));
    }
}
