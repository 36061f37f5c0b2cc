package io.probehost.extras.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.ProbeException;

class ContentDownloadTest {
    @TempDir
    Path folder;

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ContentDownload.sha256("abc".getBytes()));
    }

    @Test
    void jarWhoseSizeOrDigestDiffersFromTheIndexIsRefused() throws Exception {
        Files.write(folder.resolve("p.jar"), new byte[] {1, 2, 3, 4});
        IndexResource resource = IndexParser.parse(new TestIndex()
                .bundle("io.probehost.driver.pemicro", "1.0.0", "p.jar", List.of(), List.of())
                .write(folder.resolve("index.xml")).toUri()).get(0);

        URI jar = resource.content().orElseThrow().url();
        ProbeException failure = assertThrows(ProbeException.class, () -> ContentDownload.fetch(resource));
        assertEquals(jar + " has SHA-256 "
                + "9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a, the index says 00AB for "
                + "io.probehost.driver.pemicro 1.0.0", failure.getMessage());

        Files.write(folder.resolve("p.jar"), new byte[] {1, 2, 3});
        assertEquals(jar + " has 3 bytes, the index says 4 for io.probehost.driver.pemicro 1.0.0",
                assertThrows(ProbeException.class, () -> ContentDownload.fetch(resource)).getMessage());
    }

    @Test
    void jarMatchingTheIndexIsReturned() throws Exception {
        byte[] jar = {1, 2, 3, 4};
        Files.write(folder.resolve("p.jar"), jar);
        String index = new TestIndex().bundle("x", "1.0.0", "p.jar", List.of(), List.of()).xml()
                .replace("00AB", ContentDownload.sha256(jar).toUpperCase());
        IndexResource resource = IndexParser.parse(Files.writeString(folder.resolve("index.xml"), index).toUri()).get(0);

        assertArrayEquals(jar, ContentDownload.fetch(resource));
    }
}
