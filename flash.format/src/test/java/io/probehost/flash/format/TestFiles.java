package io.probehost.flash.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real flash algorithm files (from pyOCD, unchanged) kept in the test resources. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] algorithmFile(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/flash-algorithms/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource flash-algorithms/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
