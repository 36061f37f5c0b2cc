package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;

/** Reads files built by arm-none-eabi-gcc from the C sources in src/test/c, built once per class. */
@TestInstance(Lifecycle.PER_CLASS)
class GccBuiltFilesTest {

    private Path out;
    private Path flm;
    private Path app;

    @BeforeAll
    void buildWithArmGcc(@TempDir Path folder) {
        out = folder;
        Path flmSources = Toolchain.SOURCES.resolve("flm");
        flm = Toolchain.build(out.resolve("Test_64.FLM"), "cortex-m3", flmSources.resolve("flm.ld"),
                flmSources.resolve("FlashPrg.c"), flmSources.resolve("FlashDev.c"));
        Path appSources = Toolchain.SOURCES.resolve("firmware");
        app = Toolchain.build(out.resolve("app.elf"), "cortex-m0", appSources.resolve("app.ld"), appSources.resolve("app.c"));
        Toolchain.run("arm-none-eabi-objcopy", "-O", "ihex", app.toString(), out.resolve("app.hex").toString());
        Toolchain.run("arm-none-eabi-objcopy", "-O", "binary", app.toString(), out.resolve("app.bin").toString());
    }

    @Test
    void findsEntryPointsWhereNmPutsThem() {
        FlmAlgorithm algorithm = FlmReader.read(flm);
        Map<String, Long> nm = Toolchain.symbols(flm);

        FlmEntryPoints e = algorithm.entryPoints();
        assertEquals(List.of(nm.get("Init"), nm.get("UnInit"), nm.get("EraseChip"), nm.get("EraseSector"), nm.get("ProgramPage")),
                List.of(e.init() & ~1, e.unInit() & ~1, e.eraseChip() & ~1, e.eraseSector() & ~1, e.programPage() & ~1));
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L),
                List.of(e.init() & 1, e.unInit() & 1, e.eraseChip() & 1, e.eraseSector() & 1, e.programPage() & 1));
        assertEquals(nm.get("BlankCheck") | 1, e.blankCheck());
        assertEquals(0, e.verify());
        assertEquals(nm.get("unlock_key"), algorithm.dataOffset());
        assertEquals(nm.get("operation") + 4, algorithm.image().length);
    }

    @Test
    void readsTheFlashDeviceDescriptorWhenBuiltFromFlashDevC() {
        FlashDeviceInfo device = FlmReader.read(flm).device();

        assertEquals(new FlashDeviceInfo(0x0101, "Probehost Test 64kB Flash", 1, 0x0800_0000L, 0x10000, 0x400, 0xFF, 100, 3000,
                List.of(new SectorGroup(0x400, 0), new SectorGroup(0x1000, 0x4000))), device);
        assertEquals(0x1000, device.sectorSizeAt(0x0800_4000L));
        assertEquals(0x400, device.sectorSizeAt(0x0800_3C00L));
    }

    @Test
    void keepsCodeAndInitialisedDataWhenBuildingTheImage() throws Exception {
        FlmAlgorithm algorithm = FlmReader.read(flm);
        Toolchain.run("arm-none-eabi-objcopy", "-O", "binary", "-j", "PrgCode", flm.toString(), out.resolve("code.bin").toString());
        byte[] code = Files.readAllBytes(out.resolve("code.bin"));
        byte[] image = algorithm.image();

        assertArrayEquals(code, Arrays.copyOf(image, code.length));
        assertArrayEquals(new byte[] {0x23, 0x01, 0x67, 0x45}, Arrays.copyOfRange(image, (int) algorithm.dataOffset(),
                (int) algorithm.dataOffset() + 4));
        assertArrayEquals(new byte[4], Arrays.copyOfRange(image, image.length - 4, image.length));
    }

    @Test
    void placesTrampolineCodeStackAndTwoBuffersWhenRamAllows() {
        FlmAlgorithm flm = FlmReader.read(this.flm);
        FlashAlgorithm placed = flm.place("test64", 0x2000_0000L, 0x2000);

        byte[] blob = placed.instructions();
        assertArrayEquals(new byte[] {0x00, (byte) 0xBE, (byte) 0xFD, (byte) 0xE7}, Arrays.copyOf(blob, 4));
        assertArrayEquals(flm.image(), Arrays.copyOfRange(blob, 4, 4 + flm.image().length));
        assertEquals(0x2000_0000L, placed.loadAddress());
        assertEquals(0x2000_0004L + flm.entryPoints().init(), placed.pcInit());
        assertEquals(0x2000_0004L + flm.entryPoints().programPage(), placed.pcProgramPage());
        assertEquals(0x2000_0004L + flm.dataOffset(), placed.staticBase());
        long codeEnd = 0x2000_0000L + blob.length;
        assertEquals((codeEnd + 7) / 8 * 8 + 512, placed.beginStack());
        long first = (placed.beginStack() + 15) / 16 * 16;
        assertEquals(List.of(first, first + 0x400), placed.pageBuffers());
        assertEquals(List.of(0x400L, 0x400L, 0xFFL), List.of(placed.pageSize(), placed.minProgramLength(), (long) placed.erasedValue()));
        assertEquals(java.time.Duration.ofMillis(100), placed.programTimeout());
        assertEquals(java.time.Duration.ofMillis(3000), placed.eraseTimeout());
    }

    @Test
    void usesOneBufferWhenRamHoldsOnlyOnePage() {
        FlmAlgorithm flm = FlmReader.read(this.flm);
        long needed = 4 + flm.image().length + 512 + 16 + 0x400;

        assertEquals(1, flm.place("test64", 0x2000_0000L, needed + 0x200).pageBuffers().size());
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> flm.place("test64", 0x2000_0000L, 0x400));
        assertEquals("Test_64.FLM: 1024 bytes of RAM at 0x20000000 cannot hold the algorithm (" + (4 + flm.image().length)
                + " bytes), its stack (512) and a page buffer (1024)", e.getMessage());
    }

    @Test
    void rejectsFlmWhenEraseSectorSymbolIsMissing() throws Exception {
        byte[] content = Files.readAllBytes(flm);
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int name = text.indexOf("EraseSector\0");
        content[name] = 'X';

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> FlmReader.read("Test_64.FLM", content));
        assertEquals("Test_64.FLM: no symbol EraseSector; a CMSIS flash algorithm must define it", e.getMessage());
    }

    @Test
    void rejectsFileWhenItHasNoPrgCode() {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> FlmReader.read(app));

        assertEquals("app.elf: no PrgCode section; not a CMSIS flash algorithm", e.getMessage());
    }

    @Test
    void readsTheSameImageWhenGccElfAndObjcopyHexDescribeOneProgram() {
        FirmwareImage fromElf = FirmwareImageReader.read(app);
        FirmwareImage fromHex = FirmwareImageReader.read(out.resolve("app.hex"));

        assertEquals(fromElf.segments(), fromHex.segments());
        assertEquals(0x0800_0000L, fromElf.start());
        assertEquals(fromElf.entryPoint(), fromHex.entryPoint());
    }

    @Test
    void storesInitialisedDataAtItsFlashLoadAddressWhenReadingGccElf() {
        FirmwareImage image = FirmwareImageReader.read(app);
        Map<String, Long> nm = Toolchain.symbols(app);
        FirmwareImage bin = FirmwareImageReader.read(out.resolve("app.bin"), ReadOptions.defaults().withBaseAddress(0x0800_0000L));

        long load = nm.get("_data_load");
        assertArrayEquals(new byte[] {0x11, 0x11, 0x11, 0x11, 0x22}, image.read(load, 5, 0));
        assertEquals(load + 16, image.end());
        assertEquals(bin.segments(), image.segments());
    }

    @Test
    void buildsTargetWithFlashSplitBySectorSizeWhenDeviceComesFromAPdsc() throws Exception {
        byte[] flmBytes = Files.readAllBytes(flm);
        PdscDevice device = PdscReader.read("Probehost.Test_DFP.pdsc", PdscReaderTest.samplePdsc()).device("PH32F103C8").orElseThrow();

        TargetDescription target = CmsisPackTargets.toTarget("Probehost.Test_DFP.pdsc", device, path -> {
            assertEquals("CMSIS/Flash/PH32F10x_64.FLM", path);
            return flmBytes;
        });

        assertEquals("ph32f103c8", target.name());
        assertEquals(List.of(new CoreDescription("core0", "Cortex-M3", "armv7m", 0)), target.cores());
        assertEquals(List.of(
                new MemoryRegion(MemoryRegion.Kind.RAM, "IRAM1", 0x2000_0000L, 0x5000, 0, 0, false, ""),
                new MemoryRegion(MemoryRegion.Kind.FLASH, "IROM1_0", 0x0800_0000L, 0x4000, 0x400, 0x400, true, "ph32f10x_64"),
                new MemoryRegion(MemoryRegion.Kind.FLASH, "IROM1_1", 0x0800_4000L, 0xC000, 0x1000, 0x400, false, "ph32f10x_64")),
                target.memoryMap());
        FlashAlgorithm algorithm = target.algorithm("ph32f10x_64").orElseThrow();
        assertEquals(0x2000_0000L, algorithm.loadAddress());
        assertEquals(2, algorithm.pageBuffers().size());
    }

    @Test
    void refusesDeviceWhenItsCoreIsNotACortexM() {
        PdscDevice device = new PdscDevice("A5", "V", "F", "", List.of(new PdscProcessor("", "Cortex-A5", "", "", "Little-endian",
                java.util.OptionalLong.empty())), List.of(), List.of());

        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> CmsisPackTargets.toTarget("x.pdsc", device, path -> new byte[0]));
        assertEquals("x.pdsc: device 'A5': core Cortex-A5 is not supported (Cortex-M and compatible cores only)", e.getMessage());
    }
}
