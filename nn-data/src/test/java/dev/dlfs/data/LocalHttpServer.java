package dev.dlfs.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for download tests, written on plain sockets so that it can misbehave on
 * purpose: a reply may announce more bytes than it sends (a truncated download). Unknown paths get 404.
 */
final class LocalHttpServer implements AutoCloseable {
    /** What to answer: status, the bytes actually sent, and the Content-Length announced. */
    record Reply(int status, byte[] body, long announced) {
        static Reply ok(byte[] body) {
            return new Reply(200, body, body.length);
        }

        /** Announces all of {@code body} but sends only the first {@code sent} bytes, then closes. */
        static Reply truncated(byte[] body, int sent) {
            return new Reply(200, Arrays.copyOf(body, sent), body.length);
        }
    }

    private final ServerSocket socket;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean closed;

    LocalHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "local-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Base URL of a mirror at {@code /prefix/} on this server. */
    URI mirror(String prefix) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + prefix + "/");
    }

    void put(String path, Reply reply) {
        replies.put(path, reply);
    }

    /** The paths requested so far, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void serve() {
        while (!closed) {
            try (Socket s = socket.accept()) {
                answer(s);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void answer(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return;
        }
        for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
            // headers are not needed
        }
        String path = requestLine.split(" ")[1];
        requests.add(path);
        Reply r = replies.getOrDefault(path, new Reply(404, new byte[0], 0));
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 " + r.status() + (r.status() == 200 ? " OK" : " Not Found") + "\r\n"
                + "Content-Length: " + r.announced() + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
