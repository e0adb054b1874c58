package dev.kademlia.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code HOST:PORT} and {@code [IPv6]:PORT} into a resolved socket address. */
final class HostPort implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new TypeConversionException("expected HOST:PORT (e.g. 127.0.0.1:4000 or [::1]:4000), got '"
                    + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("port must be a number in [0, 65535], got '"
                    + value.substring(colon + 1) + "'");
        }
        if (port < 0 || port > 65535) {
            throw new TypeConversionException("port must be in [0, 65535], got " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new TypeConversionException("unknown host '" + host + "'");
        }
    }
}
