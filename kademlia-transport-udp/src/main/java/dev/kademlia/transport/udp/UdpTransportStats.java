package dev.kademlia.transport.udp;

/**
 * A snapshot of a {@link UdpTransport}'s counters, taken with {@link UdpTransport#stats()}. Every count
 * starts at zero when the transport is opened and only grows. The counters are read one by one, so a
 * snapshot taken while datagrams are flowing may be off by a datagram or two between fields.
 *
 * @param datagramsReceived datagrams delivered to the handler (whether or not the handler then threw)
 * @param datagramsSent     datagrams the operating system accepted for sending
 * @param droppedOversize   received datagrams longer than the transport's limit, dropped undelivered
 * @param droppedEmpty      received datagrams of zero bytes, dropped undelivered
 * @param sendErrors        sends that failed: an I/O error, an address of the other IP family, or a full
 *                          socket send buffer; each is a lost datagram
 * @param handlerErrors     datagrams whose handler threw; the receive loop went on
 */
public record UdpTransportStats(long datagramsReceived, long datagramsSent, long droppedOversize,
                                long droppedEmpty, long sendErrors, long handlerErrors) {
}
