package io.probehost.rtt.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.probehost.api.host.DebugSession;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.rtt.RttBridge;
import io.probehost.rtt.RttChannel;
import io.probehost.rtt.RttClient;
import io.probehost.rtt.RttControlBlock;
import io.probehost.rtt.RttDecoderProvider;
import io.probehost.rtt.RttDirection;
import io.probehost.rtt.RttException;
import io.probehost.rtt.RttLocator;
import io.probehost.rtt.RttPolling;
import io.probehost.rtt.RttStreamDecoder;
import io.probehost.rtt.RttStreamDecoders;
import io.probehost.rtt.RttTracker;

/**
 * {@code rtt:*} commands: list a running target's RTT channels, read and stream its up channels and
 * write to its down channels, all through memory accesses that leave the core running.
 */
@Component(service = RttCommands.class, property = {"osgi.command.scope=rtt", "osgi.command.function=attach",
        "osgi.command.function=read", "osgi.command.function=write", "osgi.command.function=list",
        "osgi.command.function=serve"})
public final class RttCommands {
    static final String ATTACH = "rtt:attach " + CommandSyntax.PROBE
            + " [--elf FILE] [--channel N] [--for SECONDS] [--raw]";
    static final String READ = "rtt:read " + CommandSyntax.PROBE + " [--elf FILE] [--channel N]";
    static final String WRITE = "rtt:write " + CommandSyntax.PROBE + " [--elf FILE] CHANNEL TEXT";
    static final String LIST = "rtt:list " + CommandSyntax.PROBE + " [--elf FILE]";
    static final String SERVE = "rtt:serve " + CommandSyntax.PROBE
            + " [--elf FILE] [--channel N] [-p|--port PORT] [--for SECONDS]";
    private static final int DEFAULT_PORT = 9090;
    private static final int ACCEPT_POLL_MILLIS = 100;
    /** How long a blocking down channel may keep rtt:write waiting for room. */
    private static final Duration BLOCK_LIMIT = Duration.ofSeconds(2);
    private static final long IDLE_POLL_MILLIS = RttPolling.IDLE_PAUSE.toMillis();
    private static final long SEARCH_POLL_MILLIS = RttPolling.SEARCH_PAUSE.toMillis();
    private final CommandSessions sessions;
    /** Stream encodings offered by other bundles (defmt); {@code --elf} lets them claim a stream. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<RttDecoderProvider> decoders = new CopyOnWriteArrayList<>();

    @Activate
    public RttCommands(@Reference CommandSessions sessions) {
        this.sessions = sessions;
    }

    @Descriptor("stream an up channel (default 0) to the terminal until interrupted, or for SECONDS; "
            + "waits for the control block and finds it again after a reset")
    public Object attach(CommandSession shell, @Descriptor(ATTACH) String... args) {
        return CommandSyntax.of(ATTACH).run(args, line -> {
            int channel = channel(line);
            OptionalLong symbol = symbol(shell, line);
            long end = deadline(line);
            PrintStream out = CommandConsole.out(shell);
            RttTracker tracker = tracker(line, symbol);
            RttStreamDecoder decoder = line.flag("--raw") ? RttStreamDecoders.text()
                    : RttStreamDecoders.choose(decoders, elf(shell, line));
            try {
                while (System.nanoTime() - end < 0 && !Thread.currentThread().isInterrupted()) {
                    Optional<RttClient> client = client(tracker, channel);
                    byte[] data = client.isPresent() ? client.get().pollUnlessGone(channel) : new byte[0];
                    out.print(decoder.decode(data, 0, data.length));
                    out.flush();
                    if (data.length == 0) {
                        Thread.sleep(client.isPresent() ? IDLE_POLL_MILLIS : SEARCH_POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tracker.handBack();
            out.print(decoder.finish());
            out.flush();
            if (!tracker.seen()) {
                throw new RttException("no RTT control block appeared" + where(symbol));
            }
            return null;
        });
    }

    @Descriptor("bridge an up channel and the down channel of the same number (default 0) to one TCP client "
            + "at a time on loopback PORT (default 9090), until interrupted or for SECONDS")
    public Object serve(CommandSession shell, @Descriptor(SERVE) String... args) {
        return CommandSyntax.of(SERVE).run(args, line -> {
            int channel = channel(line);
            int port = line.option("--port").map(p -> (int) Numbers.parse(p, "port")).orElse(DEFAULT_PORT);
            OptionalLong symbol = symbol(shell, line);
            long end = deadline(line);
            RttTracker tracker = tracker(line, symbol);
            PrintStream out = CommandConsole.out(shell);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout(ACCEPT_POLL_MILLIS);
                out.println("RTT channel " + channel + " on " + server.getLocalSocketAddress() + "; Ctrl-C stops");
                out.flush();
                while (System.nanoTime() - end < 0 && !Thread.currentThread().isInterrupted()) {
                    try (Socket socket = server.accept()) {
                        bridge(tracker, channel, socket, end);
                    } catch (SocketTimeoutException e) {
                        continue;
                    } catch (IOException e) {
                        out.println("RTT client left: " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new RttException("cannot serve RTT on port " + port + ": " + e.getMessage());
            }
            return null;
        });
    }

    private static void bridge(RttTracker tracker, int channel, Socket socket, long end) throws IOException {
        socket.setSoTimeout(1);
        PushbackInputStream in = new PushbackInputStream(socket.getInputStream());
        OutputStream toClient = socket.getOutputStream();
        try {
            while (System.nanoTime() - end < 0 && !Thread.currentThread().isInterrupted()) {
                Optional<RttClient> client = client(tracker, channel);
                int moved = 0;
                if (client.isPresent()) {
                    int down = channel < client.get().controlBlock().down().size() ? channel : -1;
                    try {
                        moved = new RttBridge(client.get(), channel, down, BLOCK_LIMIT).transfer(in, toClient);
                    } catch (RttException e) {
                        if (client.get().stillThere()) {
                            throw e;
                        }
                    }
                }
                if (moved == 0) {
                    awaitInputOrEnd(in);
                    Thread.sleep(client.isPresent() ? IDLE_POLL_MILLIS : SEARCH_POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tracker.handBack();
    }

    /** Looks at the client's input for a moment: a byte is kept for the next round, the end of the stream ends the bridge. */
    private static void awaitInputOrEnd(PushbackInputStream in) throws IOException {
        if (in.available() > 0) {
            return;
        }
        try {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection closed");
            }
            in.unread(next);
        } catch (SocketTimeoutException e) {
            return;
        }
    }

    /** The end of {@code --for SECONDS} on the nanoTime clock; without it, practically never. */
    private static long deadline(CommandLine line) {
        long now = System.nanoTime();
        return line.option("--for").map(s -> now + Numbers.parse(s, "seconds") * 1_000_000_000L)
                .orElse(now + Long.MAX_VALUE / 2);
    }

    /** The up channel {@code channel} of the block the tracker has now; a block without it fails. */
    private static Optional<RttClient> client(RttTracker tracker, int channel) {
        Optional<RttClient> client = tracker.current();
        client.ifPresent(c -> c.controlBlock().channel(RttDirection.UP, channel));
        return client;
    }

    private RttTracker tracker(CommandLine line, OptionalLong symbol) {
        DebugSession session = sessions.session(line);
        return new RttTracker(session.target().memory(), symbol, regions(session));
    }

    @Descriptor("print what an up channel (default 0) holds now")
    public Object read(CommandSession shell, @Descriptor(READ) String... args) {
        return CommandSyntax.of(READ).run(args, line -> {
            int channel = channel(line);
            RttClient client = required(sessions.session(line), symbol(shell, line));
            return new String(client.read(channel), StandardCharsets.ISO_8859_1);
        });
    }

    @Descriptor("write TEXT and a newline to a down channel, as the channel's mode allows")
    public Object write(CommandSession shell, @Descriptor(WRITE) String... args) {
        return CommandSyntax.of(WRITE).run(args, line -> {
            int index = channelNumber(line.argument(0));
            byte[] data = (line.argument(1) + "\n").getBytes(StandardCharsets.UTF_8);
            RttClient client = required(sessions.session(line), symbol(shell, line));
            RttChannel channel = client.controlBlock().channel(RttDirection.DOWN, index);
            int written = client.write(index, data, BLOCK_LIMIT);
            if (written == 0 && data.length > 0) {
                throw new RttException(String.format("down channel %d (mode %s) had no room for %d bytes; nothing written",
                        index, channel.mode().word(), data.length));
            }
            return String.format("Wrote %d of %d bytes to down channel %d (mode %s)", written, data.length, index,
                    channel.mode().word());
        });
    }

    @Descriptor("list the RTT channels: direction, number, name, size, mode, flags, buffer")
    public Object list(CommandSession shell, @Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> {
            RttControlBlock block = required(sessions.session(line), symbol(shell, line)).controlBlock();
            TextTable table = new TextTable("Channel", "Name", "Size", "Mode", "Flags", "Buffer").numeric(2);
            for (List<RttChannel> channels : List.of(block.up(), block.down())) {
                for (RttChannel c : channels) {
                    table.row(c.direction().name().toLowerCase() + " " + c.index(), c.name().isEmpty() ? "-" : c.name(),
                            c.size(), c.configured() ? c.mode().word() : "unused", String.format("0x%X", c.flags()),
                            String.format("0x%08X", c.buffer()));
                }
            }
            return String.format("RTT control block at 0x%08X%n%s", block.address(), table);
        });
    }

    private static int channel(CommandLine line) {
        return line.option("--channel").map(RttCommands::channelNumber).orElse(0);
    }

    /** A channel number: 0 and up, within the 255 channels a control block can have. */
    private static int channelNumber(String text) {
        long number = Numbers.parse(text, "channel");
        if (number < 0 || number > 255) {
            throw new RttException("channel must be a number from 0 to 255, not " + text);
        }
        return (int) number;
    }

    private static Optional<Path> elf(CommandSession shell, CommandLine line) {
        return line.option("--elf").map(name -> CommandConsole.file(shell, name));
    }

    /** {@code _SEGGER_RTT} from {@code --elf}; a file without it is an error, since the scan would be a guess. */
    private static OptionalLong symbol(CommandSession shell, CommandLine line) {
        Optional<String> elf = line.option("--elf");
        if (elf.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong address = DebugInfo.read(CommandConsole.file(shell, elf.get())).symbols().address(RttLocator.SYMBOL);
        if (address.isEmpty()) {
            throw new RttException(elf.get() + " has no " + RttLocator.SYMBOL + " symbol");
        }
        return address;
    }

    private static List<MemoryRegion> regions(DebugSession session) {
        return session.targetDescription().map(TargetDescription::memoryMap).orElse(List.of());
    }

    private static Optional<RttClient> locate(DebugSession session, OptionalLong symbol) {
        return RttLocator.attach(session.target().memory(), symbol, regions(session));
    }

    private static RttClient required(DebugSession session, OptionalLong symbol) {
        return locate(session, symbol).orElseThrow(() -> new RttException("no RTT control block" + where(symbol)
                + " (has the firmware started logging?)"));
    }

    private static String where(OptionalLong symbol) {
        return symbol.isPresent() ? String.format(" at %s (0x%08X)", RttLocator.SYMBOL, symbol.getAsLong())
                : " in the target's RAM regions";
    }
}
