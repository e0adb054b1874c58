package dev.kademlia.api;

/** A peer answered a request with an error, for example a STORE it refused. */
public final class RemoteRejectedException extends KademliaException {

    private static final long serialVersionUID = 1L;

    private final Contact peer;
    private final int code;

    /**
     * Creates the exception.
     *
     * @param peer   who refused
     * @param code   the wire error code
     * @param reason the peer's explanation
     */
    public RemoteRejectedException(Contact peer, int code, String reason) {
        super(peer + " refused the request (error " + code + "): " + reason);
        this.peer = peer;
        this.code = code;
    }

    /**
     * Who refused.
     *
     * @return the peer
     */
    public Contact peer() {
        return peer;
    }

    /**
     * The wire error code; see the wire-format documentation.
     *
     * @return the code
     */
    public int code() {
        return code;
    }
}
