package io.probehost.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static FrameChannel replaying(Frame... frames) throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            frame.write(script);
        }
        return new FrameChannel(new ByteArrayInputStream(script.toByteArray()), new ByteArrayOutputStream(), () -> { },
                "station.example:7450");
    }

    @Test
    void aClientRefusesAStationOfAnotherVersion() throws Exception {
        FrameChannel channel = replaying(Frame.of(MessageType.HELLO, out -> {
            out.writeByte(2);
            out.write(new byte[TokenProof.NONCE_BYTES]);
        }));
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Handshake.client(channel, "token"));
        assertEquals("station station.example:7450 speaks remote protocol version 2; this Probehost speaks 1",
                error.getMessage());
    }

    @Test
    void aClientRefusesAnAnswerOtherThanHello() throws Exception {
        FrameChannel channel = replaying(new Frame(MessageType.REPLY, new byte[0]));
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Handshake.client(channel, "token"));
        assertEquals("station.example:7450 sent REPLY where HELLO was due", error.getMessage());
    }

    @Test
    void proofsDependOnTheSideTheTokenAndBothNonces() {
        byte[] stationNonce = new byte[32];
        byte[] clientNonce = new byte[32];
        clientNonce[0] = 1;
        byte[] client = TokenProof.client("token", stationNonce, clientNonce);
        assertEquals(32, client.length);
        assertFalse(TokenProof.same(client, TokenProof.station("token", stationNonce, clientNonce)));
        assertFalse(TokenProof.same(client, TokenProof.client("tokem", stationNonce, clientNonce)));
        assertFalse(TokenProof.same(client, TokenProof.client("token", clientNonce, stationNonce)));
        assertArrayEquals(client, TokenProof.client("token", stationNonce, clientNonce));
    }

    @Test
    void theClientProofIsHmacSha256OfTheLabelAndNonces() {
        // HMAC-SHA256(key "k", "probehost-remote/1 client" || 32 zero bytes || 32 zero bytes), computed with
        // openssl: (printf "probehost-remote/1 client"; head -c 64 /dev/zero) | openssl dgst -sha256 -hmac k
        byte[] proof = TokenProof.client("k", new byte[32], new byte[32]);
        assertEquals(GOLDEN_CLIENT_PROOF, HexFormat.of().formatHex(proof));
    }

    private static final String GOLDEN_CLIENT_PROOF = "eecdf73bc39ebb140c2fe36b864d8861caa0fb2b6f8c3224f9daf2521127dfbd";
}
