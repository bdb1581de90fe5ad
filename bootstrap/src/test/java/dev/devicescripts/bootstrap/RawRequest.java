package dev.devicescripts.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request written to the jar exactly as given, for what java.net.http will not send: a forged Host, two
 * Authorization headers, a malformed escape in the path, a broken chunked body. The request asks the server to close
 * the connection, so its answer is everything read until then.
 */
final class RawRequest {
    /** A safety net against a server that never answers, not a timing assumption. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /** A whole answer; header names in lower case, the first of each kept. */
    record Reply(int status, Map<String, String> headers, String body) {
        /** The same answer received through java.net.http. */
        static Reply of(HttpResponse<String> answer) {
            Map<String, String> headers = new TreeMap<>();
            answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            return new Reply(answer.statusCode(), headers, answer.body());
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            return GraphClient.json(body);
        }

        /** Enough to tell what was answered: status, type and the start of the body. */
        @Override
        public String toString() {
            String start = body.length() <= 300 ? body : body.substring(0, 300) + "...";
            return status + " " + header("Content-Type") + " " + start;
        }
    }

    private RawRequest() {
    }

    /**
     * Sends {@code head} (the request line and header lines, each ended by CRLF, without the blank line that ends the
     * head; {@code Connection: close} is added) and then {@code body} as they are, and reads the answer.
     */
    static Reply send(int port, String head, String body) {
        byte[] request = (head + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + head.lines().findFirst().orElse(head), e);
        }
    }

    /** The answer in the bytes read: status line, headers, and the body, de-chunked if it came in chunks. */
    private static Reply parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] nameAndValue = lines[i].split(":", 2);
            headers.putIfAbsent(nameAndValue[0].trim().toLowerCase(Locale.ROOT),
                    nameAndValue.length > 1 ? nameAndValue[1].trim() : "");
        }
        byte[] body = Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a chunk size line without its end");
    }
}
