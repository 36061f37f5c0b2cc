package io.probehost.sim.adi.rbb;

import io.probehost.sim.adi.SwjPins;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A TCP server speaking OpenOCD's remote_bitbang protocol to a target's JTAG pins. One client at a
 * time, any number in sequence, on loopback only. JTAG clocks are TCK rising edges: TMS and TDI
 * are sampled as they stand when TCK goes high.
 */
public final class RemoteBitbangServer implements AutoCloseable {
    private final SwjPins pins;
    private final InetAddress address;
    private final int requestedPort;
    private ServerSocket serverSocket;
    private Thread acceptThread;
    private volatile Socket client;
    private volatile boolean closed;
    private volatile boolean ledOn;

    /**
     * @param loopback a loopback address (127.0.0.1 or ::1); others are refused
     * @param port     TCP port, 0 for any free port (see {@link #port()} after {@link #start()})
     */
    public RemoteBitbangServer(SwjPins pins, InetAddress loopback, int port) {
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException("remote_bitbang serves loopback only, not " + loopback);
        }
        this.pins = pins;
        this.address = loopback;
        this.requestedPort = port;
    }

    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, requestedPort), 1);
        serverSocket = socket;
        acceptThread = new Thread(this::acceptLoop, "remote-bitbang-" + socket.getLocalPort());
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    /** The bound port; valid after {@link #start()}. */
    public synchronized int port() {
        if (serverSocket == null) {
            throw new IllegalStateException("not started");
        }
        return serverSocket.getLocalPort();
    }

    /** The state of the LED a client sets with 'B' and 'b'. */
    public boolean ledOn() {
        return ledOn;
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = acceptThread;
            closeQuietly(serverSocket);
            closeQuietly(client);
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket socket = serverSocket.accept()) {
                client = socket;
                if (closed) {
                    return;
                }
                socket.setTcpNoDelay(true);
                serve(socket.getInputStream(), socket.getOutputStream());
            } catch (SocketException e) {
                if (closed) {
                    return;
                }
                // The client went away mid-session: wait for the next one.
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } finally {
                client = null;
            }
        }
    }

    /** Serves one client until it sends 'Q' or disconnects. */
    void serve(InputStream rawIn, OutputStream rawOut) throws IOException {
        InputStream in = new BufferedInputStream(rawIn, 8192);
        OutputStream out = new BufferedOutputStream(rawOut, 8192);
        BitbangDecoder decoder = new BitbangDecoder(pins);
        while (true) {
            if (in.available() == 0) {
                out.flush(); // answers go out before we block for more commands
            }
            int command = in.read();
            if (command < 0) {
                return;
            }
            switch (decoder.execute((char) command)) {
                case QUIT:
                    out.flush();
                    return;
                case READ_ONE:
                    out.write('1');
                    break;
                case READ_ZERO:
                    out.write('0');
                    break;
                case LED_ON:
                    ledOn = true;
                    break;
                case LED_OFF:
                    ledOn = false;
                    break;
                default:
                    break;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing to shut down: nothing left to do with the error
        }
    }
}
