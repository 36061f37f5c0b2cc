package io.probehost.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks the station to run, sent once as the payload of a {@link FrameType#REQUEST} frame.
 *
 * @param token     the contents of the station's token file: proof that the client may read it
 * @param arguments the command line after the launcher's own options; empty for a shell
 * @param cwd       the client's current folder, against which the command resolves relative file names
 * @param terminal  whether the client's standard input and output are a terminal
 * @param columns   the terminal's width, 0 when unknown
 * @param sim       whether the client was started with {@code --sim}
 * @param debug     whether the client asked for stack traces ({@code PROBEHOST_DEBUG})
 * @param clientPid the client's process id, for the station's log
 */
public record AttachRequest(String token, List<String> arguments, String cwd, boolean terminal, int columns,
        boolean sim, boolean debug, long clientPid) {
    /** Bumped when the payload changes; a station refuses a request of another version. */
    public static final int VERSION = 1;

    public AttachRequest {
        arguments = List.copyOf(arguments);
    }

    public Frame toFrame() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeInt(VERSION);
            writeString(data, token);
            data.writeInt(arguments.size());
            for (String argument : arguments) {
                writeString(data, argument);
            }
            writeString(data, cwd);
            data.writeBoolean(terminal);
            data.writeInt(columns);
            data.writeBoolean(sim);
            data.writeBoolean(debug);
            data.writeLong(clientPid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Frame(FrameType.REQUEST, bytes.toByteArray());
    }

    public static AttachRequest fromFrame(Frame frame) {
        if (frame.type() != FrameType.REQUEST) {
            throw new StationProtocolException("expected a request, got " + frame);
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(frame.payload()));
        try {
            int version = data.readInt();
            if (version != VERSION) {
                throw new StationProtocolException("request version " + version + "; this station speaks " + VERSION
                        + " (the client and the station come from different builds: restart the station)");
            }
            String token = readString(data);
            int count = data.readInt();
            if (count < 0 || count > Frame.MAX_PAYLOAD) {
                throw new StationProtocolException("bad argument count " + count);
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                arguments.add(readString(data));
            }
            String cwd = readString(data);
            return new AttachRequest(token, arguments, cwd, data.readBoolean(), data.readInt(), data.readBoolean(),
                    data.readBoolean(), data.readLong());
        } catch (EOFException e) {
            throw new StationProtocolException("the request ended early");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream data, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readString(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > Frame.MAX_PAYLOAD) {
            throw new StationProtocolException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The request without its token, for logs. */
    @Override
    public String toString() {
        return "AttachRequest[arguments=" + arguments + ", cwd=" + cwd + ", terminal=" + terminal + ", columns="
                + columns + ", sim=" + sim + ", debug=" + debug + ", clientPid=" + clientPid + "]";
    }
}
