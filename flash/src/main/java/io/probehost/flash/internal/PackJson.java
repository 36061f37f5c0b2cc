package io.probehost.flash.internal;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.probehost.api.ProbeException;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.TargetPackReader;

/**
 * The JSON of a generated pack, in the formats flash.format reads: the probehost-pack.json
 * descriptor and pyOCD-style algorithm files. Addresses and sizes are written as {@code "0x..."}
 * strings, the form both readers accept.
 */
final class PackJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private PackJson() {
    }

    /** The probehost-pack.json of a pack whose targets {@link #target} described, as UTF-8. */
    static byte[] descriptor(String name, String version, List<ObjectNode> targets) {
        ObjectNode pack = NODES.objectNode();
        pack.put("format", TargetPackReader.FORMAT);
        pack.put("name", name);
        pack.put("version", version);
        pack.putArray("targets").addAll(targets);
        return bytes(pack);
    }

    /** One entry of the descriptor's {@code targets}: the target, its algorithm file and the regions it programs. */
    static ObjectNode target(TargetDescription target, String algorithmFile, List<MemoryRegion> map) {
        ObjectNode node = NODES.objectNode();
        node.put("name", target.name());
        node.put("vendor", target.vendor());
        node.put("family", target.family());
        ArrayNode cores = node.putArray("cores");
        for (CoreDescription core : target.cores()) {
            ObjectNode c = cores.addObject();
            c.put("name", core.name());
            c.put("type", core.type());
            c.put("architecture", core.architecture());
            c.put("ap", core.apAddress());
        }
        node.put("algorithm", algorithmFile);
        node.put("resetType", target.resetType());
        ArrayNode regions = node.putArray("memoryMap");
        for (MemoryRegion region : map) {
            ObjectNode r = regions.addObject();
            r.put("kind", kind(region));
            r.put("name", region.name());
            r.put("start", hex(region.start()));
            r.put("length", hex(region.length()));
            if (region.isFlash()) {
                r.put("sectorSize", hex(region.sectorSize()));
                if (region.pageSize() > 0) {
                    r.put("pageSize", hex(region.pageSize()));
                }
            }
            r.put("boot", region.bootMemory());
        }
        return node;
    }

    /** The algorithm file of one target, as UTF-8: the blob, its entry points and buffers, and the memory map. */
    static byte[] algorithmFile(FlashAlgorithm algorithm, List<MemoryRegion> map) {
        ObjectNode node = NODES.objectNode();
        node.put("target", algorithm.name());
        node.put("instructions_base64", Base64.getEncoder().encodeToString(algorithm.instructions()));
        node.put("load_address", hex(algorithm.loadAddress()));
        node.put("pc_init", hex(algorithm.pcInit()));
        if (algorithm.pcUnInit() != 0) {
            node.put("pc_unInit", hex(algorithm.pcUnInit()));
        }
        if (algorithm.pcEraseAll() != 0) {
            node.put("pc_eraseAll", hex(algorithm.pcEraseAll()));
        }
        node.put("pc_erase_sector", hex(algorithm.pcEraseSector()));
        node.put("pc_program_page", hex(algorithm.pcProgramPage()));
        node.put("static_base", hex(algorithm.staticBase()));
        node.put("begin_stack", hex(algorithm.beginStack()));
        ArrayNode buffers = node.putArray("page_buffers");
        algorithm.pageBuffers().forEach(buffer -> buffers.add(hex(buffer)));
        node.put("min_program_length", hex(algorithm.minProgramLength()));
        node.put("page_size", hex(algorithm.pageSize()));
        node.put("erased_value", hex(algorithm.erasedValue()));
        node.put("program_page_timeout", algorithm.programTimeout().toMillis());
        node.put("erase_sector_timeout", algorithm.eraseTimeout().toMillis());
        ArrayNode regions = node.putArray("memory_map");
        for (MemoryRegion region : map) {
            ObjectNode r = regions.addObject();
            r.put("kind", kind(region));
            r.put("name", region.name());
            r.put("start", hex(region.start()));
            r.put("length", hex(region.length()));
            r.put("blocksize", hex(region.sectorSize()));
            r.put("is_boot_memory", region.bootMemory());
        }
        return bytes(node);
    }

    private static String kind(MemoryRegion region) {
        return region.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String hex(long value) {
        return String.format("0x%X", value);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new ProbeException("cannot write the pack's JSON: " + e.getMessage(), e);
        }
    }
}
