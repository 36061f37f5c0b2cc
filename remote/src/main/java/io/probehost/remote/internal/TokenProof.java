package io.probehost.remote.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The proofs of the challenge-response: HMAC-SHA256 keyed with the token over a label, the station's
 * nonce and the client's nonce. The labels differ per side, so a proof cannot be sent back as the
 * other side's; the token itself never travels.
 */
final class TokenProof {
    static final int NONCE_BYTES = 32;
    static final int PROOF_BYTES = 32;
    private static final byte[] CLIENT_LABEL = "probehost-remote/1 client".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATION_LABEL = "probehost-remote/1 station".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenProof() {
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] client(String token, byte[] stationNonce, byte[] clientNonce) {
        return hmac(token, CLIENT_LABEL, stationNonce, clientNonce);
    }

    static byte[] station(String token, byte[] stationNonce, byte[] clientNonce) {
        return hmac(token, STATION_LABEL, stationNonce, clientNonce);
    }

    /** Compares in constant time. */
    static boolean same(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hmac(String token, byte[] label, byte[] stationNonce, byte[] clientNonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(label);
            mac.update(stationNonce);
            mac.update(clientNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
