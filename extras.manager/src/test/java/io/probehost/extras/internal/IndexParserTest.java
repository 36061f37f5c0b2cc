package io.probehost.extras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import io.probehost.api.ProbeException;

class IndexParserTest {
    @TempDir
    Path folder;

    @Test
    void typedAttributesBecomeVersionsLongsAndLists() {
        assertEquals(Version.valueOf("5.17.0"), IndexParser.typed("Version", "5.17.0"));
        assertEquals(4415L, IndexParser.typed("Long", " 4415"));
        assertEquals(1.5, IndexParser.typed("Double", "1.5"));
        assertEquals("x", IndexParser.typed(null, "x"));
        assertEquals(List.of(1L, -2L), IndexParser.typed("List<Long>", "1, -2"));
        assertEquals(List.of(Version.valueOf("1.0"), Version.valueOf("2.1")), IndexParser.typed("List<Version>", "1.0,2.1"));
        assertThrows(IllegalArgumentException.class, () -> IndexParser.typed("Float", "1"));
    }

    @Test
    void resourceHasIdentityContentResolvedAgainstTheIndexAndExtraName() throws Exception {
        Path index = new TestIndex().bundle("io.probehost.driver.pemicro", "1.2.0", "drivers/pemicro.jar",
                List.of(), List.of("com.sun.jna;5.13.0;6.0.0")).write(folder.resolve("repo/index.xml"));

        List<IndexResource> resources = IndexParser.parse(index.toUri());

        assertEquals(1, resources.size());
        IndexResource driver = resources.get(0);
        assertEquals("io.probehost.driver.pemicro", driver.symbolicName());
        assertEquals(Version.valueOf("1.2.0"), driver.version());
        assertEquals(Optional.of("pemicro"), driver.extraName());
        assertEquals(folder.resolve("repo/drivers/pemicro.jar").toUri(), driver.content().orElseThrow().url());
        assertEquals(4, driver.content().orElseThrow().size());
        assertEquals(1, driver.getRequirements("osgi.wiring.package").size());
        assertEquals("(&(osgi.wiring.package=com.sun.jna)(version>=5.13.0)(!(version>=6.0.0)))",
                driver.getRequirements(null).get(0).getDirectives().get("filter"));
    }

    @Test
    void extraCapabilityNamesAThirdPartyDriverAndPlainBundlesAreNoExtras() throws Exception {
        Path index = new TestIndex()
                .bundle("com.acme.probe", "1.0.0", "acme.jar", List.of(), List.of(),
                        TestIndex.capability("probehost.extra", TestIndex.attribute("probehost.extra", "acme", null)))
                .bundle("com.sun.jna", "5.17.0", "jna.jar", List.of("com.sun.jna"), List.of())
                .write(folder.resolve("index.xml"));

        List<IndexResource> resources = IndexParser.parse(index.toUri());

        assertEquals(Optional.of("acme"), resources.get(0).extraName());
        assertEquals(Optional.empty(), resources.get(1).extraName());
    }

    @Test
    void gzippedIndexesAndReferralsAreRead() throws Exception {
        Path other = new TestIndex().bundle("com.sun.jna", "5.17.0", "jna.jar", List.of("com.sun.jna"), List.of())
                .write(folder.resolve("other/index.xml"));
        Path gzipped = folder.resolve("main/index.xml.gz");
        Files.createDirectories(gzipped.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(new TestIndex().referral("../other/index.xml")
                    .bundle("io.probehost.driver.pemicro", "1.0.0", "p.jar", List.of(), List.of())
                    .xml().getBytes(StandardCharsets.UTF_8));
        }

        List<IndexResource> resources = IndexParser.parse(gzipped.toUri());

        assertEquals(List.of("io.probehost.driver.pemicro", "com.sun.jna"),
                resources.stream().map(IndexResource::symbolicName).toList());
        assertEquals(other.resolveSibling("jna.jar").toUri(), resources.get(1).content().orElseThrow().url());
    }

    @Test
    void unreadableOrInvalidIndexFailsWithOneLineNamingIt() throws Exception {
        URI missing = folder.resolve("nothing.xml").toUri();
        ProbeException absent = assertThrows(ProbeException.class, () -> IndexParser.parse(missing));
        assertTrue(absent.getMessage().startsWith("cannot read repository " + missing), absent.getMessage());

        Path notIndex = Files.writeString(folder.resolve("pom.xml"), "<project/>");
        ProbeException invalid = assertThrows(ProbeException.class, () -> IndexParser.parse(notIndex.toUri()));
        assertEquals("repository " + notIndex.toUri() + " is not a valid index: no <repository> element",
                invalid.getMessage());
    }
}
