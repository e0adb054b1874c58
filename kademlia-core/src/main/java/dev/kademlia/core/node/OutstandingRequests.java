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

    /** One request in flight: one timer serves both its retransmissions and its timeout. */
    private final class Pending {
        final long transactionId;
        final InetSocketAddress destination;
        final CompletableFuture<Envelope> response = new CompletableFuture<>();
        final Runnable resend;
        final long deadlineMillis;
        final String rpcName;
        final Duration timeout;
        int retransmitsLeft;
        Scheduler.Cancellable timer;

        Pending(long transactionId, InetSocketAddress destination, Runnable resend, Duration timeout, String rpcName) {
            this.transactionId = transactionId;
            this.destination = destination;
            this.resend = resend;
            this.timeout = timeout;
            this.rpcName = rpcName;
            this.deadlineMillis = scheduler.nowMillis() + timeout.toMillis();
            this.retransmitsLeft = retransmitInterval.compareTo(timeout) < 0 ? maxRetransmits : 0;
            arm();
        }

        /** Sets the timer for the next retransmission, or for the timeout when none is left. */
        private void arm() {
            long untilDeadline = Math.max(0, deadlineMillis - scheduler.nowMillis());
            long delay = retransmitsLeft > 0 ? Math.min(retransmitInterval.toMillis(), untilDeadline) : untilDeadline;
            timer = scheduler.schedule(Duration.ofMillis(delay), this::fire);
        }

        private void fire() {
            if (pending.get(transactionId) != this) {
                return;
            }
            if (retransmitsLeft > 0 && scheduler.nowMillis() < deadlineMillis) {
                retransmitsLeft--;
                resend.run();
                arm();
                return;
            }
            pending.remove(transactionId);
            response.completeExceptionally(new RpcTimeoutException(rpcName, destination, timeout));
        }

        void cancelTimers() {
            timer.cancel();
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
        Pending p = new Pending(txid, destination, resend, timeout, rpcName);
        pending.put(txid, p);
        return new Registration(txid, p.response);
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
