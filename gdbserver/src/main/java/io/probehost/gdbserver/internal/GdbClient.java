package io.probehost.gdbserver.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.host.DebugSession;
import io.probehost.api.target.TargetDescription;
import io.probehost.command.CommandFailure;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;

/**
 * One attached GDB: reads its packets and answers them from the session's target until gdb
 * detaches, kills or goes away. Runs on its server's thread; a failed request is answered with an
 * error packet and reported on the server's console, never ends the connection.
 */
final class GdbClient {
    /** The largest packet gdb may send us (hex 4000 = 16 KiB): one vFlashWrite of 16 KiB at most. */
    static final int PACKET_SIZE = 0x4000;
    private static final int MONITOR_CHUNK = 256;
    private static final String NO_ACK = "QStartNoAckMode";

    private final PacketChannel channel;
    private final DebugSession session;
    private final MonitorCommands monitor;
    private final PrintStream log;
    private final RegisterLayout layout;
    private final RegisterCache registers;
    private final RunControl run;
    private final FlashDownload download = new FlashDownload();
    private final FlashReadCache flashReads;
    private boolean extended;
    private boolean attached = true;
    private volatile boolean busy;

    GdbClient(PacketChannel channel, DebugSession session, MonitorCommands monitor, PrintStream log) {
        this.channel = channel;
        this.session = session;
        this.monitor = monitor;
        this.log = log;
        this.layout = RegisterLayout.of(target().core().registers());
        this.registers = new RegisterCache(target().core());
        this.run = new RunControl(target(), layout, registers);
        this.flashReads = new FlashReadCache(description().map(TargetDescription::memoryMap).orElse(List.of()));
    }

    private DebugTarget target() {
        return session.target();
    }

    /** Serves until gdb detaches or the connection ends; the target keeps no breakpoint gdb left. */
    void serve() throws IOException {
        run.haltIfRunning();
        try {
            while (attached) {
                busy = false;
                byte[] packet = channel.receive();
                busy = true;
                String reply;
                try {
                    reply = answer(new String(packet, StandardCharsets.ISO_8859_1), packet);
                } catch (RuntimeException e) {
                    log.println("gdb: " + describe(packet) + ": " + CommandFailure.oneLine(e));
                    reply = "E01";
                }
                if (reply != null) {
                    channel.send(reply);
                }
                if (NO_ACK.equals(new String(packet, StandardCharsets.ISO_8859_1))) {
                    channel.stopAcknowledging();
                }
            }
        } finally {
            if (session.isOpen()) {
                run.removeAll();
            }
        }
    }

    /** Whether it is serving a request rather than waiting for the next. */
    boolean isBusy() {
        return busy;
    }

    private static String describe(byte[] packet) {
        String text = new String(packet, 0, Math.min(packet.length, 40), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", ".");
    }

    /** The reply to one packet; null for packets that have none ({@code k}, {@code R}). */
    String answer(String text, byte[] raw) throws IOException {
        if (text.isEmpty()) {
            return "";
        }
        switch (text.charAt(0)) {
            case '?':
                return run.stopReply();
            case '!':
                extended = true;
                return "OK";
            case 'g':
                return readRegisters();
            case 'G':
                return writeRegisters(text.substring(1));
            case 'p':
                return readRegister(text.substring(1));
            case 'P':
                return writeRegister(text.substring(1));
            case 'm':
                return readMemory(text.substring(1));
            case 'M':
                return writeMemory(text.substring(1));
            case 'X':
                return writeBinary(raw);
            case 'c':
            case 'C':
                return resume(text, "c");
            case 's':
            case 'S':
                return resume(text, "s");
            case 'Z':
            case 'z':
                return stopPoint(text);
            case 'H':
            case 'T':
                return "OK";
            case 'D':
                return detach();
            case 'k':
                kill();
                return null;
            case 'R':
                resetAndHalt();
                return null;
            case 'q':
            case 'Q':
                return query(text);
            case 'v':
                return verbose(text, raw);
            default:
                return "";
        }
    }

    private String query(String text) {
        if (text.startsWith("qSupported")) {
            return "PacketSize=" + Integer.toHexString(PACKET_SIZE) + ";qXfer:features:read+"
                    + (description().isPresent() ? ";qXfer:memory-map:read+" : "") + ";QStartNoAckMode+;vContSupported+";
        }
        if (text.equals(NO_ACK)) {
            return "OK";
        }
        if (text.startsWith("qXfer:features:read:target.xml:")) {
            return XferChunk.of(layout.targetXml(), text.substring("qXfer:features:read:target.xml:".length()));
        }
        if (text.startsWith("qXfer:memory-map:read::") && description().isPresent()) {
            return XferChunk.of(MemoryMapXml.of(description().get().memoryMap()),
                    text.substring("qXfer:memory-map:read::".length()));
        }
        if (text.startsWith("qRcmd,")) {
            return monitor(new String(Rsp.unhex(text.substring("qRcmd,".length())), StandardCharsets.UTF_8));
        }
        return switch (text) {
            case "qAttached" -> "1";
            case "qC" -> "QC1";
            case "qfThreadInfo" -> "m1";
            case "qsThreadInfo" -> "l";
            case "qSymbol::" -> "OK";
            default -> "";
        };
    }

    private String verbose(String text, byte[] raw) throws IOException {
        if (text.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (text.startsWith("vCont;")) {
            String action = text.substring("vCont;".length()).split("[;:]")[0];
            return resume(action, action.startsWith("s") || action.startsWith("S") ? "s" : "c");
        }
        if (text.startsWith("vFlashErase:")) {
            String[] range = text.substring("vFlashErase:".length()).split(",");
            download.erase(Rsp.number(range[0]), Rsp.number(range[1]));
            return "OK";
        }
        if (text.startsWith("vFlashWrite:")) {
            int colon = text.indexOf(':', "vFlashWrite:".length());
            long address = Rsp.number(text.substring("vFlashWrite:".length(), colon));
            if (description().isEmpty() || !FlashDownload.isFlash(description().get(), address)) {
                return "E.memtype";
            }
            download.write(address, Rsp.unescape(raw, colon + 1));
            return "OK";
        }
        if (text.equals("vFlashDone")) {
            return flashDone();
        }
        if (text.startsWith("vRun")) {
            resetAndHalt();
            return run.stopReply();
        }
        if (text.startsWith("vKill")) {
            resetAndHalt();
            return "OK";
        }
        return "";
    }

    private String flashDone() {
        TargetDescription described = description().orElseThrow(() -> new RspException("no target pack "
                + "describes the flash"));
        long start = System.nanoTime();
        flashReads.forget();
        FlashResult result = download.finish(target(), described, FlashProgressListener.NONE);
        resetAndHalt();
        log.printf("gdb: load into %s: %s in %.2f s%n", described.name(), result.summary(),
                (System.nanoTime() - start) / 1e9);
        return "OK";
    }

    private String resume(String text, String how) throws IOException {
        int semicolon = text.indexOf(';');
        String address = text.length() > 1 && text.charAt(0) != 'C' && text.charAt(0) != 'S' ? text.substring(1)
                : semicolon > 0 ? text.substring(semicolon + 1) : "";
        if (!address.isEmpty() && !address.contains(":")) {
            RegisterLayout.Entry pc = layout.named("pc").orElseThrow(() -> new RspException("no pc register"));
            registers.write(pc, Rsp.number(address));
        }
        return how.equals("s") ? run.step() : run.resume(channel);
    }

    private String stopPoint(String text) {
        String[] fields = text.substring(1).split(",");
        if (fields.length < 3) {
            throw new RspException("breakpoint packet without type, address and kind");
        }
        int type = (int) Rsp.number(fields[0]);
        long address = Rsp.number(fields[1]);
        if (type > 4) {
            return "";
        }
        if (text.charAt(0) == 'Z') {
            run.insert(type, address, (int) Rsp.number(fields[2].split(";")[0]));
        } else {
            run.remove(type, address);
        }
        return "OK";
    }

    private String detach() {
        run.removeAll();
        registers.forget();
        if (target().core().isHalted()) {
            target().core().resume();
        }
        attached = false;
        return "OK";
    }

    private void kill() {
        run.removeAll();
        resetAndHalt();
        attached = extended;
    }

    private void resetAndHalt() {
        flashReads.forget();
        registers.forget();
        monitor.run("reset halt");
    }

    private String monitor(String line) {
        flashReads.forget();
        registers.forget();
        String output = monitor.run(line);
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        try {
            for (int at = 0; at < bytes.length; at += MONITOR_CHUNK) {
                byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + MONITOR_CHUNK));
                channel.send("O" + Rsp.hex(chunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "OK";
    }

    /** {@code g}: the general registers; GDB reads the others with {@code p}. */
    private String readRegisters() {
        List<RegisterLayout.Entry> entries = layout.generalEntries();
        long[] values = registers.read(entries);
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            reply.append(Rsp.hexLittleEndian(values[i], entries.get(i).bytes()));
        }
        return reply.toString();
    }

    private String writeRegisters(String hex) {
        int at = 0;
        for (RegisterLayout.Entry entry : layout.generalEntries()) {
            int digits = entry.bytes() * 2;
            if (at + digits > hex.length()) {
                break;
            }
            registers.write(entry, Rsp.parseLittleEndian(hex.substring(at, at + digits)));
            at += digits;
        }
        return "OK";
    }

    private String readRegister(String number) {
        Optional<RegisterLayout.Entry> entry = layout.entry((int) Rsp.number(number));
        if (entry.isEmpty()) {
            return "E45";
        }
        return Rsp.hexLittleEndian(registers.read(entry.get()), entry.get().bytes());
    }

    private String writeRegister(String assignment) {
        String[] parts = assignment.split("=", 2);
        RegisterLayout.Entry entry = layout.entry((int) Rsp.number(parts[0]))
                .orElseThrow(() -> new RspException("no register " + parts[0]));
        registers.write(entry, Rsp.parseLittleEndian(parts[1]));
        return "OK";
    }

    private String readMemory(String request) {
        String[] range = request.split(",");
        long address = Rsp.number(range[0]);
        int length = (int) Math.min(Rsp.number(range[1]), PACKET_SIZE / 2);
        return Rsp.hex(flashReads.read(memory(), address, length));
    }

    private String writeMemory(String request) {
        int colon = request.indexOf(':');
        return write(request.substring(0, colon), Rsp.unhex(request.substring(colon + 1)));
    }

    private String writeBinary(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        return write(text.substring(1, colon), Rsp.unescape(raw, colon + 1));
    }

    /** {@code M} and {@code X}: {@code addr,length} and the data, whose size must be that length. */
    private String write(String addressAndLength, byte[] data) {
        String[] range = addressAndLength.split(",");
        if (data.length != Rsp.number(range[1])) {
            throw new RspException("write of length " + range[1] + " carries " + data.length + " bytes");
        }
        if (data.length > 0) {
            flashReads.forget();
            memory().write(Rsp.number(range[0]), data);
            memory().flush();
        }
        return "OK";
    }

    private MemoryInterface memory() {
        return target().memory();
    }

    private Optional<TargetDescription> description() {
        return session.targetDescription();
    }
}
