package io.probehost.extras.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.probehost.api.ProbeException;

/** Fetches a resource's jar and checks it against the size and SHA-256 its index gives. */
final class ContentDownload {
    private ContentDownload() {
    }

    static byte[] fetch(IndexResource resource) {
        IndexResource.Content content = resource.content()
                .orElseThrow(() -> new ProbeException(resource + " has no osgi.content (jar URL) in " + resource.index()));
        byte[] jar;
        try (InputStream in = content.url().toURL().openStream()) {
            jar = in.readAllBytes();
        } catch (IOException | IllegalArgumentException e) {
            throw new ProbeException("cannot download " + content.url() + ": " + e.getMessage());
        }
        check(resource, content, jar);
        return jar;
    }

    static void check(IndexResource resource, IndexResource.Content content, byte[] jar) {
        if (content.size() >= 0 && content.size() != jar.length) {
            throw new ProbeException(content.url() + " has " + jar.length + " bytes, the index says " + content.size()
                    + " for " + resource);
        }
        String sha256 = sha256(jar);
        if (!sha256.equalsIgnoreCase(content.sha256())) {
            throw new ProbeException(content.url() + " has SHA-256 " + sha256 + ", the index says " + content.sha256()
                    + " for " + resource);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
