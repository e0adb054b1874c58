package dev.kademlia.core.protocol;

import dev.kademlia.api.Key;

/**
 * Offsets and sizes of the wire format (version {@value MessageCodec#VERSION}), as documented in
 * {@code docs/wire-format.md}. All multi-byte numbers are big-endian and unsigned.
 */
final class WireLayout {

    /** First magic byte: ASCII {@code 'K'}. */
    static final byte MAGIC_0 = 0x4B;
    /** Second magic byte: ASCII {@code 'D'}. */
    static final byte MAGIC_1 = 0x44;

    /** Offset of the version byte. */
    static final int VERSION_OFFSET = 2;
    /** Offset of the message type byte. */
    static final int TYPE_OFFSET = 3;
    /** Offset of the flags byte. */
    static final int FLAGS_OFFSET = 4;
    /** Offset of the 8-byte transaction id. */
    static final int TRANSACTION_ID_OFFSET = 5;
    /** Offset of the 32-byte sender id. */
    static final int SENDER_OFFSET = 13;
    /** Length of the fixed header; the body starts here. */
    static final int HEADER_BYTES = SENDER_OFFSET + Key.BYTES; // 45

    /** Flag bit 0: the sender is a client node. */
    static final int FLAG_CLIENT_MODE = 0x01;
    /** The flag bits version 1 defines; the others must be zero. */
    static final int KNOWN_FLAGS = FLAG_CLIENT_MODE;

    /** A u8 length prefix. */
    static final int U8 = 1;
    /** A u16 length prefix or port. */
    static final int U16 = 2;
    /** A u32 time to live. */
    static final int U32 = 4;

    /** Address family byte of an IPv4 contact. */
    static final int FAMILY_IPV4 = 4;
    /** Address family byte of an IPv6 contact. */
    static final int FAMILY_IPV6 = 6;
    /** Length of an IPv4 address. */
    static final int IPV4_BYTES = 4;
    /** Length of an IPv6 address. */
    static final int IPV6_BYTES = 16;
    /** An encoded contact without its address: id, family, port. */
    static final int CONTACT_FIXED_BYTES = Key.BYTES + U8 + U16;
    /** An encoded IPv4 contact. */
    static final int CONTACT_IPV4_BYTES = CONTACT_FIXED_BYTES + IPV4_BYTES; // 39
    /** An encoded IPv6 contact. */
    static final int CONTACT_IPV6_BYTES = CONTACT_FIXED_BYTES + IPV6_BYTES; // 51

    /** STORE body without value and token bytes: key, ttl, token length, value length. */
    static final int STORE_FIXED_BYTES = Key.BYTES + U32 + U8 + U16; // 39
    /** VALUE_FOUND body without value and token bytes: ttl, token length, value length. */
    static final int VALUE_FOUND_FIXED_BYTES = U32 + U8 + U16; // 7
    /** NODES body without token and contacts: token length, contact count. */
    static final int NODES_FIXED_BYTES = U8 + U8; // 2
    /** ERROR body without the message bytes: code, message length. */
    static final int ERROR_FIXED_BYTES = U8 + U8; // 2

    /** The largest number a u16 length prefix holds. */
    static final int MAX_U16 = 0xFFFF;

    private WireLayout() {
    }
}
