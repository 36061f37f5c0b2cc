package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;

class AlgorithmFileReaderTest {

    private static final JsonMapper MAPPER = new JsonMapper();

    @ParameterizedTest
    @CsvSource({
        "mk64fn1m0xxx12, 1176, 0x0, 0x1000, 0x1000",
        "mkl25z128xxx4, 1548, 0x0, 0x400, 0x400",
        "nrf51822_xxaa, 228, 0x0, 0x400, 0x400",
        "nrf52832_xxaa, 228, 0x0, 0x1000, 0x1000",
        "stm32f051t8, 384, 0x8000000, 0x400, 0x400",
        "stm32f103rc, 276, 0x8000000, 0x800, 0x800"})
    void loadsValidTargetWhenFileIsOneOfTheShippedAlgorithms(String part, int blobLength, String flashStart,
            String sectorSize, String pageSize) {
        TargetDescription target = AlgorithmFileReader.read(part + ".json", TestFiles.algorithmFile(part + ".json"));

        assertEquals(part, target.name());
        FlashAlgorithm algorithm = target.algorithm(part).orElseThrow();
        assertEquals(blobLength, algorithm.instructions().length);
        MemoryRegion flash = target.regionContaining(Long.decode(flashStart)).orElseThrow();
        assertTrue(flash.isFlash() && flash.bootMemory());
        assertEquals(part, flash.algorithm());
        assertEquals(Long.decode(sectorSize), flash.sectorSize());
        assertEquals(Long.decode(pageSize), flash.pageSize());
        assertEquals(Long.decode(pageSize), algorithm.pageSize());
        assertEquals(0xFF, algorithm.erasedValue());
        assertEquals(List.of(AlgorithmFileReader.GENERIC_CORE), target.cores());
        for (long entry : List.of(algorithm.pcInit(), algorithm.pcEraseAll(), algorithm.pcEraseSector(), algorithm.pcProgramPage())) {
            assertTrue(entry > algorithm.loadAddress() && entry < algorithm.loadAddress() + blobLength && (entry & 1) == 1);
        }
    }

    @Test
    void keepsEveryFieldWhenReadingNrf51() {
        TargetDescription target = AlgorithmFileReader.read("nrf51822_xxaa.json", TestFiles.algorithmFile("nrf51822_xxaa.json"));
        FlashAlgorithm a = target.algorithms().get(0);

        assertEquals(List.of(0x2000_0000L, 0x2000_0021L, 0L, 0x2000_0029L, 0x2000_0049L, 0x2000_0071L, 0x2000_0170L, 0x2000_1000L),
                List.of(a.loadAddress(), a.pcInit(), a.pcUnInit(), a.pcEraseAll(), a.pcEraseSector(), a.pcProgramPage(),
                        a.staticBase(), a.beginStack()));
        assertEquals(List.of(0x2000_2000L, 0x2000_2400L), a.pageBuffers());
        assertEquals(4, a.minProgramLength());
        assertArrayEquals(new byte[] {0x00, (byte) 0xBE, 0x0A, (byte) 0xE0}, Arrays.copyOf(a.instructions(), 4));
        assertEquals(List.of(
                new MemoryRegion(MemoryRegion.Kind.FLASH, "flash_0", 0, 0x40000, 0x400, 0x400, true, "nrf51822_xxaa"),
                new MemoryRegion(MemoryRegion.Kind.FLASH, "flash_10001000", 0x1000_1000L, 0x100, 0x100, 0x100, false, "nrf51822_xxaa"),
                new MemoryRegion(MemoryRegion.Kind.RAM, "ram_20000000", 0x2000_0000L, 0x4000, 0, 0, false, "")), target.memoryMap());
    }

    private static ObjectNode nrf51() throws Exception {
        return (ObjectNode) MAPPER.readTree(TestFiles.algorithmFile("nrf51822_xxaa.json"));
    }

    private static String error(ObjectNode json) throws Exception {
        byte[] content = MAPPER.writeValueAsBytes(json);
        return assertThrows(ImageFormatException.class, () -> AlgorithmFileReader.read("bad.json", content)).getMessage();
    }

    @Test
    void namesTheFieldWhenARequiredOneIsMissing() throws Exception {
        ObjectNode json = nrf51();
        json.remove("pc_program_page");

        assertEquals("bad.json: field 'pc_program_page': missing", error(json));
    }

    @Test
    void namesTheNestedFieldWhenANumberIsMalformed() throws Exception {
        ObjectNode json = nrf51();
        ((ObjectNode) ((ArrayNode) json.get("memory_map")).get(1)).put("start", "0x1000100G");

        assertEquals("bad.json: field 'memory_map[1].start': \"0x1000100G\" is not a non-negative number (use 0x... for hex)",
                error(json));
    }

    @Test
    void rejectsEntryPointWhenItLiesOutsideTheBlob() throws Exception {
        ObjectNode json = nrf51();
        json.put("pc_init", "0x20000401");

        assertEquals("bad.json: field 'pc_init': 0x20000401 lies outside the algorithm blob 0x20000000..0x200000E3", error(json));
    }

    @Test
    void rejectsBlobWhenDeclaredLengthDiffers() throws Exception {
        ObjectNode json = nrf51();
        json.put("instructions_length", 232);

        assertEquals("bad.json: field 'instructions_length': 232 but the instructions hold 228 bytes", error(json));
    }

    @Test
    void rejectsPageBufferWhenItIsOutsideRam() throws Exception {
        ObjectNode json = nrf51();
        json.putArray("page_buffers").add("0x30000000");

        assertEquals("bad.json: field 'page_buffers': 0x30000000 is not in a RAM region", error(json));
    }

    @Test
    void rejectsRegionWhenKindIsUnknown() throws Exception {
        ObjectNode json = nrf51();
        ((ObjectNode) ((ArrayNode) json.get("memory_map")).get(2)).put("kind", "eeprom");

        assertEquals("bad.json: field 'memory_map[2].kind': 'eeprom' is not flash, ram or rom", error(json));
    }

    @Test
    void rejectsMapWhenRegionsOverlap() throws Exception {
        ObjectNode json = nrf51();
        ((ObjectNode) ((ArrayNode) json.get("memory_map")).get(1)).put("start", "0x3FF00");

        assertEquals("bad.json: target 'nrf51822_xxaa': region 'flash_3ff00' 0x0003FF00..0x0003FFFF overlaps region 'flash_0'"
                + " 0x00000000..0x0003FFFF", error(json));
    }

    @Test
    void sizesPageByTheRamLeftWhenOnlyOneBufferFits() throws Exception {
        ObjectNode json = nrf51();
        json.putArray("page_buffers").add("0x20003F00");

        TargetDescription target = AlgorithmFileReader.read("one.json", MAPPER.writeValueAsBytes(json));

        assertEquals(0x100, target.algorithms().get(0).pageSize());
        assertEquals(0x100, target.memoryMap().get(0).pageSize());
    }

    @Test
    void reportsLineAndColumnWhenJsonIsMalformed() {
        byte[] content = "{\n  \"target\": \"x\",\n  oops\n}".getBytes(StandardCharsets.UTF_8);

        String message = assertThrows(ImageFormatException.class, () -> AlgorithmFileReader.read("bad.json", content)).getMessage();
        assertTrue(message.startsWith("bad.json: not valid JSON at line 3, column "), message);
    }

    @Test
    void usesStatedPageSizeWhenFileGivesOne() throws Exception {
        ObjectNode json = nrf51();
        json.put("page_size", "0x200");
        json.put("pc_unInit", "0x12000001F");

        TargetDescription target = AlgorithmFileReader.read("paged.json", MAPPER.writeValueAsBytes(json));

        assertEquals(0x200, target.algorithms().get(0).pageSize());
        assertEquals(0x200, target.memoryMap().get(0).pageSize());
        assertEquals(0x100, target.memoryMap().get(1).pageSize());
        assertEquals(0, target.algorithms().get(0).pcUnInit());
    }

    @Test
    void rejectsStatedPageSizeWhenItExceedsTheBuffers() throws Exception {
        ObjectNode json = nrf51();
        json.put("page_size", "0x800");

        assertEquals("bad.json: field 'page_size': 2048 must be positive and fit a page buffer (1024 bytes)", error(json));
    }

    @Test
    void takesTimeoutsInMillisecondsWhenFileGivesThem() throws Exception {
        ObjectNode json = nrf51();
        json.put("program_page_timeout", 100);
        json.put("erase_sector_timeout", "3000");

        FlashAlgorithm algorithm = AlgorithmFileReader.read("timed.json", MAPPER.writeValueAsBytes(json)).algorithms()
                .get(0);

        assertEquals(java.time.Duration.ofMillis(100), algorithm.programTimeout());
        assertEquals(java.time.Duration.ofMillis(3000), algorithm.eraseTimeout());
    }

    @Test
    void givesPyOcdDefaultTimeoutsWhenFileStatesNone() throws Exception {
        FlashAlgorithm algorithm = AlgorithmFileReader.read("nrf51.json", MAPPER.writeValueAsBytes(nrf51()))
                .algorithms().get(0);

        assertEquals(FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT, algorithm.programTimeout());
        assertEquals(FlashAlgorithm.DEFAULT_ERASE_TIMEOUT, algorithm.eraseTimeout());
    }

    @Test
    void rejectsZeroTimeout() throws Exception {
        ObjectNode json = nrf51();
        json.put("erase_sector_timeout", 0);

        assertEquals("bad.json: field 'erase_sector_timeout': 0 ms must be positive", error(json));
    }
}
