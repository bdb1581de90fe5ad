package dev.devicescripts.adapter.http.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests that java.net.http refuses to send: raw bytes in the
 * path, control characters in headers, any Content-Type. One request per connection.
 */
public final class RawHttp {
    /** A safety net against a server that never answers, not a timing assumption. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /** A complete response; a connection closed before one is complete is reported as an exception. */
    public record RawReply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} with {@code headers} (each a whole "Name: value" line) and {@code body}, whose
     * Content-Length is added, and reads the whole response.
     */
    private static RawReply exchange(int port, String method, byte[] target, Iterable<byte[]> headers, byte[] body)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] header : headers) {
            request.writeBytes(header);
            request.writeBytes(crlf());
        }
        request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request.toByteArray());
                socket.getOutputStream().flush();
            } catch (IOException refusedMidway) {
                // A server may answer an oversized request early and close (RFC 9112, 9.6); its answer still counts.
            }
            return read(socket.getInputStream());
        }
    }

    public static byte[] header(String name, String value) {
        return (name + ": " + value).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crlf() {
        return "\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one whole response from {@code in}. */
    public static RawReply read(InputStream in) throws IOException {
        String statusLine = line(in);
        while (statusLine.startsWith("HTTP/1.1 1")) { // an interim answer such as 100 Continue: the real one follows
            skipHeaderLines(in);
            statusLine = line(in);
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            String[] nameAndValue = line.split(":", 2);
            headers.putIfAbsent(nameAndValue[0].trim().toLowerCase(Locale.ROOT),
                    nameAndValue.length > 1 ? nameAndValue[1].trim() : "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = exactly(in, Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new RawReply(Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.writeBytes(exactly(in, size));
            line(in);
        }
        skipHeaderLines(in);
        return body.toByteArray();
    }

    private static void skipHeaderLines(InputStream in) throws IOException {
        String trailer;
        do {
            trailer = line(in);
        } while (!trailer.isEmpty());
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(line(in).split(";", 2)[0].trim(), 16);
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** One line without its CRLF; the end of the stream before the line ends is a dropped connection. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        // HTTP header bytes beyond ASCII are obs-text, one char a byte
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** For callers that cannot throw: an I/O failure is itself the finding (a dropped connection). */
    public static RawReply exchangeOrFail(int port, String method, byte[] target, Iterable<byte[]> headers,
                                          byte[] body) {
        try {
            return exchange(port, method, target, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException("dropped connection for " + method + " "
                    + new String(target, StandardCharsets.UTF_8), e);
        }
    }
}
