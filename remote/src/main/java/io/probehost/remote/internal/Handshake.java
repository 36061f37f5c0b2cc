package io.probehost.remote.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The opening of a connection (docs/remote-protocol.md, "Authentication"): the station sends HELLO with
 * the protocol version and its nonce; the client answers AUTH with its nonce and its proof; the station
 * checks it and answers AUTH_OK with its own proof, which the client checks. A wrong proof is answered
 * with ERROR AUTH_REFUSED after the {@link AuthThrottle} delay, and the connection is closed.
 */
final class Handshake {
    static final int VERSION = 1;

    /** Sleeps for a refusal's delay; a seam for tests. */
    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    private Handshake() {
    }

    /** The client's side; throws {@link RemoteAuthException} when refused or when the station's proof is wrong. */
    static void client(FrameChannel channel, String token) {
        Frame hello = channel.receive(MessageType.HELLO);
        byte[] stationNonce;
        try {
            DataInputStream in = hello.reader();
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new RemoteProtocolException("station " + channel.peer() + " speaks remote protocol version "
                        + version + "; this Probehost speaks " + VERSION);
            }
            stationNonce = in.readNBytes(TokenProof.NONCE_BYTES);
        } catch (IOException e) {
            throw new RemoteProtocolException("malformed HELLO from " + channel.peer(), e);
        }
        byte[] clientNonce = TokenProof.nonce();
        channel.send(Frame.of(MessageType.AUTH, out -> {
            out.write(clientNonce);
            out.write(TokenProof.client(token, stationNonce, clientNonce));
        }));
        byte[] proof = channel.receive(MessageType.AUTH_OK).payload();
        if (!TokenProof.same(TokenProof.station(token, stationNonce, clientNonce), proof)) {
            throw new RemoteAuthException("station " + channel.peer() + " does not hold the token this client has");
        }
    }

    /**
     * The station's side.
     *
     * @return true when the client proved the token; false after refusing it (the caller closes)
     */
    static boolean station(FrameChannel channel, String token, AuthThrottle throttle, String address,
            Sleeper sleeper) throws InterruptedException {
        byte[] stationNonce = TokenProof.nonce();
        channel.send(Frame.of(MessageType.HELLO, out -> {
            out.writeByte(VERSION);
            out.write(stationNonce);
        }));
        byte[] payload = channel.receive(MessageType.AUTH).payload();
        if (payload.length != TokenProof.NONCE_BYTES + TokenProof.PROOF_BYTES) {
            throw new RemoteProtocolException("AUTH of " + payload.length + " bytes from " + address);
        }
        byte[] clientNonce = java.util.Arrays.copyOfRange(payload, 0, TokenProof.NONCE_BYTES);
        byte[] proof = java.util.Arrays.copyOfRange(payload, TokenProof.NONCE_BYTES, payload.length);
        if (!TokenProof.same(TokenProof.client(token, stationNonce, clientNonce), proof)) {
            sleeper.sleep(throttle.refused(address));
            channel.send(Frame.error(ErrorKind.AUTH_REFUSED, 0, "wrong token"));
            return false;
        }
        throttle.accepted(address);
        channel.send(new Frame(MessageType.AUTH_OK, TokenProof.station(token, stationNonce, clientNonce)));
        return true;
    }
}
