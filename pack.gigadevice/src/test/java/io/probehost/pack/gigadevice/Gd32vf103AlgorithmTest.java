package io.probehost.pack.gigadevice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The committed GD32VF103 algorithm is what its C source builds to, and has the shape the loader needs. */
class Gd32vf103AlgorithmTest {
    private static final Path COMMITTED = Path.of("src/main/resources/algorithms/gd32vf103.json");

    /** Where the build's make-algorithm step (generate-resources) writes the algorithm it built from C. */
    private static final Path BUILT = Path.of("target/algorithm/gd32vf103.json");

    @Test
    void committedAlgorithmIsWhatTheCSourceBuildsTo() throws IOException {
        assertEquals(Files.readString(COMMITTED), Files.readString(BUILT),
                "the C source changed: copy target/algorithm/gd32vf103.json over the committed file");
    }

    @Test
    void startsWithTheReturnTrapAndKeepsEntryPointsInsideTheBlob() throws IOException {
        JsonNode algorithm = new ObjectMapper().readTree(COMMITTED.toFile());
        byte[] code = Base64.getDecoder().decode(algorithm.get("instructions_base64").asText());
        assertEquals(0x9002, (code[0] & 0xFF) | (code[1] & 0xFF) << 8, "c.ebreak at the load address");
        long load = Long.decode(algorithm.get("load_address").asText());
        for (String entry : new String[] {"pc_init", "pc_unInit", "pc_eraseAll", "pc_erase_sector", "pc_program_page"}) {
            long pc = Long.decode(algorithm.get(entry).asText());
            assertTrue(pc > load && pc < load + code.length && pc % 2 == 0, entry + " at " + Long.toHexString(pc));
        }
        assertTrue(load + code.length <= Long.decode(algorithm.get("page_buffers").get(0).asText()),
                "the code ends before the first page buffer");
    }
}
