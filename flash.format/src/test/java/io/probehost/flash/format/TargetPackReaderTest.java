package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;

class TargetPackReaderTest {

    private static final JsonMapper MAPPER = new JsonMapper();
    private static final List<String> PARTS = List.of("nrf51822_xxaa", "nrf52832_xxaa", "stm32f103rc", "stm32f051t8",
            "mkl25z128xxx4", "mk64fn1m0xxx12");

    private static TargetPackDescriptor readSample(byte[] descriptor) {
        return TargetPackReader.read("probehost-pack.json", descriptor, TestFiles::algorithmFile);
    }

    private static ObjectNode sample() throws IOException {
        return (ObjectNode) MAPPER.readTree(TestFiles.algorithmFile("probehost-pack.json"));
    }

    private static String error(ObjectNode descriptor) throws IOException {
        byte[] content = MAPPER.writeValueAsBytes(descriptor);
        return assertThrows(ImageFormatException.class, () -> readSample(content)).getMessage();
    }

    @Test
    void readsEveryTargetWhenSamplePackReferencesTheSixAlgorithmFiles() {
        TargetPackDescriptor pack = readSample(TestFiles.algorithmFile("probehost-pack.json"));

        assertEquals("builtin", pack.name());
        assertEquals("0.1.0", pack.version());
        assertEquals(PARTS, pack.targets().stream().map(TargetDescription::name).toList());
        TargetDescription nrf52 = pack.targets().get(1);
        assertEquals("Nordic Semiconductor", nrf52.vendor());
        assertEquals(List.of(new CoreDescription("core0", "Cortex-M4", "armv7em", 0)), nrf52.cores());
        assertEquals("nrf52832_xxaa", nrf52.memoryMap().get(0).algorithm());
        assertEquals("sysresetreq", nrf52.resetType());
    }

    @Test
    void usesTheDescriptorMemoryMapWhenOneIsGiven() {
        TargetDescription stm32 = readSample(TestFiles.algorithmFile("probehost-pack.json")).targets().get(2);

        assertEquals(List.of(
                new MemoryRegion(MemoryRegion.Kind.FLASH, "flash", 0x0800_0000L, 0x40000, 0x800, 0x800, true, "stm32f103rc"),
                new MemoryRegion(MemoryRegion.Kind.RAM, "sram", 0x2000_0000L, 0xC000, 0, 0, false, "")), stm32.memoryMap());
    }

    @Test
    void resolvesAlgorithmFilesNextToTheDescriptorWhenReadFromAFolder(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("probehost-pack.json"), TestFiles.algorithmFile("probehost-pack.json"));
        for (String part : PARTS) {
            Files.write(dir.resolve(part + ".json"), TestFiles.algorithmFile(part + ".json"));
        }

        TargetPackDescriptor pack = TargetPackReader.read(dir.resolve(TargetPackReader.FILE_NAME));

        assertEquals(6, pack.targets().size());
    }

    @Test
    void refusesAlgorithmReferenceWhenItLeavesThePackFolder(@TempDir Path dir) throws IOException {
        ObjectNode descriptor = sample();
        ((ObjectNode) ((ArrayNode) descriptor.get("targets")).get(0)).put("algorithm", "../nrf51822_xxaa.json");
        Path file = dir.resolve("pack").resolve("probehost-pack.json");
        Files.createDirectories(file.getParent());
        Files.write(file, MAPPER.writeValueAsBytes(descriptor));
        Files.write(dir.resolve("nrf51822_xxaa.json"), TestFiles.algorithmFile("nrf51822_xxaa.json"));

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> TargetPackReader.read(file));
        assertEquals("probehost-pack.json: field 'targets[0].algorithm': cannot read '../nrf51822_xxaa.json': outside the"
                + " pack folder", e.getMessage());
    }

    @Test
    void rejectsFieldWhenItIsUnknown() throws IOException {
        ObjectNode descriptor = sample();
        ((ObjectNode) ((ArrayNode) descriptor.get("targets")).get(3)).put("vendorr", "ST");

        assertEquals("probehost-pack.json: field 'targets[3].vendorr': unknown field; expected one of [algorithm, cores,"
                + " family, memoryMap, name, resetType, vendor]", error(descriptor));
    }

    @Test
    void rejectsCoreWhenArchitectureIsUnknown() throws IOException {
        ObjectNode descriptor = sample();
        ((ObjectNode) ((ArrayNode) descriptor.get("targets")).get(0).get("cores").get(0)).put("architecture", "armv9a");

        assertEquals("probehost-pack.json: field 'targets[0].cores[0].architecture': 'armv9a' is not one of [armv6m, armv7em,"
                + " armv7m, armv8m, riscv]", error(descriptor));
    }

    @Test
    void rejectsDescriptorWhenFormatIsNotOurs() throws IOException {
        ObjectNode descriptor = sample();
        descriptor.put("format", "probehost-pack/2");

        assertEquals("probehost-pack.json: field 'format': 'probehost-pack/2' is not probehost-pack/1", error(descriptor));
    }

    @Test
    void rejectsPageSizeWhenItExceedsThePageBuffer() throws IOException {
        ObjectNode descriptor = sample();
        ((ObjectNode) descriptor.get("targets").get(2).get("memoryMap").get(0)).put("pageSize", "0x1000");

        assertEquals("probehost-pack.json: field 'targets[2].memoryMap[0].pageSize': 4096 must divide the sector size and fit"
                + " a page buffer (2048 bytes)", error(descriptor));
    }

    @Test
    void namesTheAlgorithmFileWhenItIsBroken() throws IOException {
        byte[] descriptor = TestFiles.algorithmFile("probehost-pack.json");

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> TargetPackReader.read("probehost-pack.json",
                descriptor, path -> path.equals("stm32f051t8.json") ? "{}".getBytes() : TestFiles.algorithmFile(path)));
        assertEquals("stm32f051t8.json: field 'instructions_base64': missing (give instructions_base64 or instructions)",
                e.getMessage());
    }
}
