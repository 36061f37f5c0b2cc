package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.TargetPackReader;

/** The JSON of a generated pack: the probehost-pack.json descriptor and pyOCD-style algorithm files. */
final class PackJson {
    private PackJson() {
    }

    static String descriptor(String name, String version, List<String> targets) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("format", JsonText.quote(TargetPackReader.FORMAT));
        fields.put("name", JsonText.quote(name));
        fields.put("version", JsonText.quote(version));
        fields.put("targets", JsonText.list(targets));
        return JsonText.object(fields) + "\n";
    }

    static String target(TargetDescription target, String algorithmFile, List<MemoryRegion> map) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", JsonText.quote(target.name()));
        fields.put("vendor", JsonText.quote(target.vendor()));
        fields.put("family", JsonText.quote(target.family()));
        List<String> cores = new ArrayList<>();
        for (CoreDescription core : target.cores()) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("name", JsonText.quote(core.name()));
            c.put("type", JsonText.quote(core.type()));
            c.put("architecture", JsonText.quote(core.architecture()));
            c.put("ap", Integer.toString(core.apAddress()));
            cores.add(JsonText.object(c));
        }
        fields.put("cores", JsonText.list(cores));
        fields.put("algorithm", JsonText.quote(algorithmFile));
        fields.put("resetType", JsonText.quote(target.resetType()));
        List<String> regions = new ArrayList<>();
        for (MemoryRegion region : map) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("kind", JsonText.quote(region.isFlash() ? "flash" : "ram"));
            r.put("name", JsonText.quote(region.name()));
            r.put("start", JsonText.hex(region.start()));
            r.put("length", JsonText.hex(region.length()));
            if (region.isFlash()) {
                r.put("sectorSize", JsonText.hex(region.sectorSize()));
                if (region.pageSize() > 0) {
                    r.put("pageSize", JsonText.hex(region.pageSize()));
                }
            }
            r.put("boot", Boolean.toString(region.bootMemory()));
            regions.add(JsonText.object(r));
        }
        fields.put("memoryMap", JsonText.list(regions));
        return JsonText.object(fields);
    }

    static String algorithmFile(TargetDescription target, FlashAlgorithm algorithm, List<MemoryRegion> map) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("target", JsonText.quote(algorithm.name()));
        fields.put("instructions_base64", JsonText.quote(java.util.Base64.getEncoder()
                .encodeToString(algorithm.instructions())));
        fields.put("load_address", JsonText.hex(algorithm.loadAddress()));
        fields.put("pc_init", JsonText.hex(algorithm.pcInit()));
        if (algorithm.pcUnInit() != 0) {
            fields.put("pc_unInit", JsonText.hex(algorithm.pcUnInit()));
        }
        if (algorithm.pcEraseAll() != 0) {
            fields.put("pc_eraseAll", JsonText.hex(algorithm.pcEraseAll()));
        }
        fields.put("pc_erase_sector", JsonText.hex(algorithm.pcEraseSector()));
        fields.put("pc_program_page", JsonText.hex(algorithm.pcProgramPage()));
        fields.put("static_base", JsonText.hex(algorithm.staticBase()));
        fields.put("begin_stack", JsonText.hex(algorithm.beginStack()));
        List<String> buffers = algorithm.pageBuffers().stream().map(JsonText::hex).toList();
        fields.put("page_buffers", "[" + String.join(", ", buffers) + "]");
        fields.put("min_program_length", JsonText.hex(algorithm.minProgramLength()));
        fields.put("page_size", JsonText.hex(algorithm.pageSize()));
        fields.put("erased_value", JsonText.hex(algorithm.erasedValue()));
        fields.put("program_page_timeout", Long.toString(algorithm.programTimeout().toMillis()));
        fields.put("erase_sector_timeout", Long.toString(algorithm.eraseTimeout().toMillis()));
        List<String> regions = new ArrayList<>();
        for (MemoryRegion region : map) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("kind", JsonText.quote(region.isFlash() ? "flash" : "ram"));
            r.put("name", JsonText.quote(region.name()));
            r.put("start", JsonText.hex(region.start()));
            r.put("length", JsonText.hex(region.length()));
            r.put("blocksize", JsonText.hex(region.sectorSize()));
            r.put("is_boot_memory", Boolean.toString(region.bootMemory()));
            regions.add(JsonText.object(r));
        }
        fields.put("memory_map", JsonText.list(regions));
        return JsonText.object(fields) + "\n";
    }
}
