package nl.werkdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers for the embedded servers. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final int LOWEST_PORT = 10_000;
    private static final int DEFAULT_EPHEMERAL_LOW = 32_768;
    private static final int CANDIDATES = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private Ports() {
    }

    /**
     * Picks {@code count} distinct free loopback ports below the kernel's ephemeral range. While a server is
     * stopped its clients keep reconnecting, and each attempt gets an ephemeral local port: a server port inside
     * that range could be handed to a client, which then blocks the restart or even connects to itself. The
     * ports are held together while choosing so that they differ; another process could still take one before
     * the server binds it, so callers retry on a bind failure.
     */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int below = ephemeralRangeStart();
            for (int candidate = 0; candidate < CANDIDATES && sockets.size() < count && below > LOWEST_PORT;
                    candidate++) {
                bindIfFree(ThreadLocalRandom.current().nextInt(LOWEST_PORT, below), sockets);
            }
            while (sockets.size() < count) {
                // No room below the ephemeral range on this machine: let the kernel choose.
                bindIfFree(0, sockets);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitClosed(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acceptsConnections(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " still accepts connections after " + timeout);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    /** Binds the port (0: any) and keeps the socket in {@code sockets}, or skips a port that is taken. */
    private static void bindIfFree(int port, List<ServerSocket> sockets) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a server socket", e);
        }
        try {
            socket.bind(new InetSocketAddress(loopback(), port));
            sockets.add(socket);
        } catch (IOException taken) {
            closeQuietly(socket);
            if (port == 0) {
                throw new UncheckedIOException("No free loopback port", taken);
            }
        }
    }

    /** The first port the kernel hands out to outgoing connections (Linux); 32768 where it cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // readAllLines, not readString: Java 17 reads only the first byte of this procfs file that way.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only used to find a port number; nothing to clean up.
        }
    }
}
