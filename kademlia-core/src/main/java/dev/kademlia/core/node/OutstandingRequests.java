package dev.kademlia.core.node;

import dev.kademlia.api.RpcTimeoutException;
import dev.kademlia.api.spi.Scheduler;
import dev.kademlia.core.protocol.Envelope;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * The requests a node has sent and not yet seen answered, keyed by transaction id. A response is accepted
 * only if its transaction id is outstanding and it comes from the address the request went to; anything
 * else is unmatched (a late duplicate, or a forgery) and dropped by the caller.
 *
 * <p>UDP loses datagrams, so an unanswered request is retransmitted, with the same transaction id, every
 * {@code retransmitInterval} until it is answered, has been sent {@code 1 + maxRetransmits} times, or times
 * out. A duplicate answer is simply unmatched.
 *
 * <p>Owned by the node's event loop; not thread-safe.
 */
final class OutstandingRequests {

    /** One registered request: its transaction id and the future its response completes. */
    record Registration(long transactionId, CompletableFuture<Envelope> response) {
    }

    private final class Pending {
        final InetSocketAddress destination;
        final CompletableFuture<Envelope> response = new CompletableFuture<>();
        Scheduler.Cancellable timeout;
        Scheduler.Cancellable retransmit;

        Pending(InetSocketAddress destination) {
            this.destination = destination;
        }

        void cancelTimers() {
            timeout.cancel();
            if (retransmit != null) {
                retransmit.cancel();
            }
        }
    }

    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Duration retransmitInterval;
    private final int maxRetransmits;
    private final Map<Long, Pending> pending = new HashMap<>();

    /**
     * @param retransmitInterval how long to wait for an answer before sending the request again
     * @param maxRetransmits     how many times a request is sent again at most (0 disables retransmission)
     */
    OutstandingRequests(Scheduler scheduler, RandomGenerator random, Duration retransmitInterval, int maxRetransmits) {
        this.scheduler = scheduler;
        this.random = random;
        this.retransmitInterval = retransmitInterval;
        this.maxRetransmits = maxRetransmits;
    }

    /**
     * Registers a request about to be sent. Its future completes with the response envelope, or
     * exceptionally with {@link RpcTimeoutException} after {@code timeout}.
     *
     * @param resend sends the request's datagram again
     */
    Registration register(InetSocketAddress destination, Duration timeout, String rpcName, Runnable resend) {
        long txid;
        do {
            txid = random.nextLong();
        } while (pending.containsKey(txid));
        long id = txid;
        Pending p = new Pending(destination);
        p.timeout = scheduler.schedule(timeout, () -> {
            if (pending.remove(id) != null) {
                if (p.retransmit != null) {
                    p.retransmit.cancel();
                }
                p.response.completeExceptionally(new RpcTimeoutException(rpcName, destination, timeout));
            }
        });
        if (maxRetransmits > 0 && retransmitInterval.compareTo(timeout) < 0) {
            scheduleRetransmit(id, p, resend, maxRetransmits);
        }
        pending.put(txid, p);
        return new Registration(txid, p.response);
    }

    private void scheduleRetransmit(long id, Pending p, Runnable resend, int remaining) {
        p.retransmit = scheduler.schedule(retransmitInterval, () -> {
            if (pending.get(id) == p) {
                resend.run();
                if (remaining > 1) {
                    scheduleRetransmit(id, p, resend, remaining - 1);
                }
            }
        });
    }

    /** Whether a response with this transaction id from {@code source} would match a request. */
    boolean expects(long transactionId, InetSocketAddress source) {
        Pending p = pending.get(transactionId);
        return p != null && p.destination.equals(source);
    }

    /**
     * Completes the request a response answers.
     *
     * @return false if no request with that transaction id went to {@code source}
     */
    boolean complete(Envelope response, InetSocketAddress source) {
        Pending p = pending.get(response.transactionId());
        if (p == null || !p.destination.equals(source)) {
            return false;
        }
        pending.remove(response.transactionId());
        p.cancelTimers();
        p.response.complete(response);
        return true;
    }

    /** Forgets a request that could not be sent, failing its future with {@code cause}. */
    void abandon(long transactionId, Throwable cause) {
        Pending p = pending.remove(transactionId);
        if (p != null) {
            p.cancelTimers();
            p.response.completeExceptionally(cause);
        }
    }

    /** Fails every outstanding request, for a node that is closing. */
    void failAll(Throwable cause) {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : all) {
            p.cancelTimers();
            p.response.completeExceptionally(cause);
        }
    }

    int size() {
        return pending.size();
    }
}
