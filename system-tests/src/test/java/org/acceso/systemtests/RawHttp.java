package org.acceso.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, byte for byte, over a socket: HTTP clients normalise paths ({@code ..},
 * {@code //}, {@code %2f}), which is precisely what an attacker does not do.
 */
final class RawHttp {

    record Reply(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Reply get(String baseUrl, String rawPath, String... headerLines) {
        URI base = URI.create(baseUrl);
        StringBuilder request = new StringBuilder("GET " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nConnection: close\r\n");
        for (String header : headerLines) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            String text = reply.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException("Raw request " + rawPath + " failed", e);
        }
    }
}
