package io.probehost.sim.probe.pemicro;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.DebuggableMcu;

/**
 * The lab's PE Micro side: a loopback server that the stand-in library connects to, with the PE
 * Multilinks it serves. Each connection is one process that loaded the library, with its own current
 * port; one line in, one line out (see {@link LibraryCall}). The stand-in finds the server through
 * {@value #ENVIRONMENT_VARIABLE} or the file {@value #ADDRESS_FILE} in the library's application files
 * folder, which {@link #writeAddressFile(Path)} writes.
 *
 * <pre>
 * PeMicroLab lab = PeMicroLab.start();
 * lab.addMultilink("PEMA9B3C1", nrf51, new SwjDp(nrf51, WireMode.SWD, 0));
 * </pre>
 */
public final class PeMicroLab implements AutoCloseable {
    /** Environment variable holding {@code host:port}, read by the stand-in before the file. */
    public static final String ENVIRONMENT_VARIABLE = "PROBEHOST_PEMICRO_LAB";
    /** File with {@code host:port} in the folder given to special feature 0x58006000. */
    public static final String ADDRESS_FILE = "probehost-pemicro-lab.conf";

    private final ServerSocket server;
    private final List<PeMultilink> probes = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> sessions = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    /** Guarded by this: set once by {@link #close()}, after which no connection is served. */
    private boolean closed;

    private PeMicroLab(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "pemicro-lab-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on an ephemeral loopback port. */
    public static PeMicroLab start() {
        try {
            return new PeMicroLab(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("PE Micro lab: cannot listen on the loopback interface", e);
        }
    }

    /** Puts a USB Multilink in front of a target: listed after those added before. */
    public PeMultilink addMultilink(String serial, String device, DebuggableMcu mcu, SwjPins target) {
        PeMultilink probe = new PeMultilink(serial, "USB Multilink Universal FX (" + serial + ")", device, target,
                mcu.clock());
        probes.add(probe);
        return probe;
    }

    public List<PeMultilink> multilinks() {
        return List.copyOf(probes);
    }

    /** {@code 127.0.0.1:<port>}, the address the stand-in connects to. */
    public String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Writes {@value #ADDRESS_FILE} into the folder that holds the stand-in library. */
    public Path writeAddressFile(Path libraryFolder) {
        Path file = libraryFolder.resolve(ADDRESS_FILE);
        try {
            Files.writeString(file, address() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("PE Micro lab: cannot write " + file, e);
        }
        return file;
    }

    /** How many processes are connected now (stand-in libraries loaded and not yet unloaded). */
    public int connectionCount() {
        return connections.size();
    }

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!admit(socket)) {
                return;
            }
        }
    }

    /**
     * Serves a connection unless the lab is closed. A blocked {@code accept} can still complete after
     * {@link ServerSocket#close()} returns (the listening socket lives until the accepting thread leaves
     * the call), so a process reconnecting then must be turned away here.
     */
    private synchronized boolean admit(Socket socket) {
        if (closed) {
            closeQuietly(socket);
            return false;
        }
        connections.add(socket);
        Thread session = new Thread(() -> serve(socket), "pemicro-lab-session-" + socket.getPort());
        session.setDaemon(true);
        sessions.add(session);
        session.start();
        return true;
    }

    private void serve(Socket socket) {
        LibrarySession session = new LibrarySession(probes);
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(),
                        StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String answer;
                try {
                    answer = session.execute(line);
                } catch (IllegalArgumentException e) {
                    answer = LibraryCall.answer(0, 0);
                }
                out.write(answer);
                out.write('\n');
                out.flush();
            }
        } catch (SocketException e) {
            // the process went away
        } catch (IOException e) {
            // the same
        } finally {
            session.closePort();
            connections.remove(socket);
            sessions.remove(Thread.currentThread());
        }
    }

    /**
     * Stops listening and drops every connection; when it returns the port refuses connections and no
     * session runs, so a stand-in that reconnects finds no lab.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        closeQuietly(server);
        connections.forEach(PeMicroLab::closeQuietly);
        joinQuietly(acceptor);
        sessions.forEach(PeMicroLab::joinQuietly);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
