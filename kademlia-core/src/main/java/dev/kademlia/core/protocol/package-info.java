/**
 * The Kademlia protocol: its messages and their binary wire format.
 *
 * <p>A tour. Every datagram is an {@link dev.kademlia.core.protocol.Envelope}: a transaction id, the
 * sender's node id, a client-mode flag, and a {@link dev.kademlia.core.protocol.Payload}. Payloads form
 * one sealed hierarchy of small records: the four {@link dev.kademlia.core.protocol.Request requests} of
 * the paper ({@link dev.kademlia.core.protocol.Ping}, {@link dev.kademlia.core.protocol.Store},
 * {@link dev.kademlia.core.protocol.FindNode}, {@link dev.kademlia.core.protocol.FindValue}) and their
 * {@link dev.kademlia.core.protocol.Response responses} ({@link dev.kademlia.core.protocol.Pong},
 * {@link dev.kademlia.core.protocol.StoreAck}, {@link dev.kademlia.core.protocol.Nodes},
 * {@link dev.kademlia.core.protocol.ValueFound}, and {@link dev.kademlia.core.protocol.ErrorReply} with an
 * {@link dev.kademlia.core.protocol.ErrorCode}).
 *
 * <p>{@link dev.kademlia.core.protocol.MessageCodec} turns envelopes into datagrams and back. Encoding
 * checks the size limits that follow from the transport's datagram limit; decoding never throws and
 * returns a {@link dev.kademlia.core.protocol.DecodeResult}: the envelope, or the reason the bytes were
 * rejected. The byte layout is specified in {@code docs/wire-format.md}; {@code WireLayout} holds its
 * offsets and sizes, {@code MessageEncoder} and {@code MessageDecoder} implement the two directions, and
 * {@code WireAddress} decides which contact addresses may travel.
 *
 * <p>The package performs no I/O: the node driver pairs requests with responses by transaction id
 * (see {@link dev.kademlia.core.protocol.Response#answers}) and hands datagrams to a transport.
 */
package dev.kademlia.core.protocol;
