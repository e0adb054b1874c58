package dev.kademlia.core.defence;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Write tokens, as BitTorrent's BEP 5 uses them: a node hands out a token in every FIND_NODE and
 * FIND_VALUE reply, bound to the requester's IP address, and accepts a STORE only with a token it issued
 * to that address recently. Someone who forges a source address never sees the reply, so cannot store.
 *
 * <p>A token is the first {@value #TOKEN_BYTES} bytes of SHA-256(secret || address). The secret rotates
 * every {@code rotation}; tokens from the current and the previous secret are accepted, so a token stays
 * valid for at least one rotation period and at most two.
 *
 * <p>Owned by the node's event loop; not thread-safe.
 */
public final class WriteTokens {

    /** The length of a token. */
    public static final int TOKEN_BYTES = 8;
    private static final int SECRET_BYTES = 16;
    private static final int MAX_CACHED = 4096;

    private final RandomGenerator random;
    private final long rotationMillis;
    private final MessageDigest sha256;
    /** Tokens issued under the current secret, by address: a FIND_NODE answer need not hash each time. */
    private final Map<InetAddress, byte[]> issued = new HashMap<>();
    private byte[] current;
    private byte[] previous;
    private long rotatedAtMillis;

    /**
     * Creates the token issuer with a fresh secret.
     *
     * @param random         the source of secrets
     * @param rotationMillis how often the secret changes
     * @param nowMillis      the current time
     */
    public WriteTokens(RandomGenerator random, long rotationMillis, long nowMillis) {
        this.random = random;
        this.rotationMillis = rotationMillis;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        this.current = newSecret();
        this.previous = current;
        this.rotatedAtMillis = nowMillis;
    }

    /**
     * The token for {@code requester} now.
     *
     * @param requester the requester's IP address
     * @param nowMillis the current time
     * @return the token
     */
    public byte[] issue(InetAddress requester, long nowMillis) {
        rotate(nowMillis);
        byte[] token = issued.get(requester);
        if (token == null) {
            if (issued.size() >= MAX_CACHED) {
                issued.clear();
            }
            token = token(current, requester);
            issued.put(requester, token);
        }
        return token.clone();
    }

    /**
     * Whether {@code token} was issued to {@code requester} under the current or the previous secret.
     *
     * @param token     the token presented
     * @param requester the requester's IP address
     * @param nowMillis the current time
     * @return true if valid
     */
    public boolean isValid(byte[] token, InetAddress requester, long nowMillis) {
        rotate(nowMillis);
        return token.length == TOKEN_BYTES
                && (MessageDigest.isEqual(token, token(current, requester))
                        || MessageDigest.isEqual(token, token(previous, requester)));
    }

    private void rotate(long nowMillis) {
        long periods = (nowMillis - rotatedAtMillis) / rotationMillis;
        if (periods <= 0) {
            return;
        }
        issued.clear();
        previous = periods == 1 ? current : newSecret();
        current = newSecret();
        rotatedAtMillis += periods * rotationMillis;
    }

    private byte[] token(byte[] secret, InetAddress requester) {
        sha256.reset();
        sha256.update(secret);
        sha256.update(requester.getAddress());
        byte[] digest = sha256.digest();
        byte[] out = new byte[TOKEN_BYTES];
        System.arraycopy(digest, 0, out, 0, TOKEN_BYTES);
        return out;
    }

    private byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }
}
