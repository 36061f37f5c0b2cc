package io.probehost.flash.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.probehost.api.ProbeException;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.CmsisPackTargets;
import io.probehost.flash.format.PdscDevice;
import io.probehost.flash.format.PdscPack;
import io.probehost.flash.format.PdscReader;
import io.probehost.flash.format.TargetPackReader;

/**
 * Turns a CMSIS-Pack (.pack zip: a .pdsc and its .FLM algorithms) into a data-only target-pack
 * bundle: a probehost-pack.json plus one algorithm file per device, read by the pack extender like
 * the shipped packs. Devices that cannot be converted (non-Cortex-M, no algorithm) are left out and
 * listed. A device's flash regions programmed by another algorithm than its first are left out too,
 * because a probehost-pack target has one algorithm.
 */
final class CmsisPackImporter {
    static final String SYMBOLIC_NAME_PREFIX = "io.probehost.pack.cmsis.";
    static final String SOURCE_HEADER = "Probehost-Pack-Source";

    private CmsisPackImporter() {
    }

    static GeneratedPack convert(String fileName, byte[] packZip) {
        Map<String, byte[]> files = unzip(fileName, packZip);
        String pdscPath = files.keySet().stream().filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".pdsc"))
                .sorted((a, b) -> Integer.compare(a.length(), b.length())).findFirst()
                .orElseThrow(() -> new ProbeException(fileName + " holds no .pdsc file: not a CMSIS-Pack"));
        String folder = pdscPath.contains("/") ? pdscPath.substring(0, pdscPath.lastIndexOf('/') + 1) : "";
        PdscPack pdsc = PdscReader.read(fileName + "!/" + pdscPath, files.get(pdscPath));
        List<TargetDescription> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PdscDevice device : pdsc.devices()) {
            try {
                targets.add(CmsisPackTargets.toTarget(fileName, device, path -> entry(files, fileName, folder + path)));
            } catch (ProbeException e) {
                skipped.add(device.name() + ": " + e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            throw new ProbeException(fileName + ": no device could be converted"
                    + (skipped.isEmpty() ? " (the .pdsc lists none)" : ": " + String.join("; ", skipped)));
        }
        String packName = pdsc.vendor() + "." + pdsc.name();
        String version = pdsc.version().isEmpty() ? "0.0.0" : pdsc.version();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<ObjectNode> descriptors = new ArrayList<>();
        for (TargetDescription target : targets) {
            String algorithmFile = "algorithms/" + target.name() + ".json";
            FlashAlgorithm algorithm = firstFlashAlgorithm(target);
            List<MemoryRegion> map = new ArrayList<>();
            for (MemoryRegion region : target.memoryMap()) {
                if (region.kind() == MemoryRegion.Kind.RAM
                        || region.isFlash() && region.algorithm().equals(algorithm.name())) {
                    map.add(region);
                } else if (region.isFlash()) {
                    skipped.add(target.name() + ": flash region " + region.name() + " (algorithm " + region.algorithm()
                            + ") left out: one algorithm per target");
                }
            }
            entries.put(algorithmFile, PackJson.algorithmFile(algorithm, map));
            descriptors.add(PackJson.target(target, algorithmFile, map));
        }
        entries.put(TargetPackReader.FILE_NAME, PackJson.descriptor(packName, version, descriptors));
        // Read the result back as the extender will, so a pack that would not load is refused now.
        TargetPackReader.read(fileName + " (converted)", entries.get(TargetPackReader.FILE_NAME), path -> {
            byte[] content = entries.get(path);
            if (content == null) {
                throw new IOException("missing " + path);
            }
            return content;
        });
        String symbolicName = SYMBOLIC_NAME_PREFIX + packName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "_");
        byte[] jar = jar(symbolicName, packName, version, fileName, entries);
        return new GeneratedPack(symbolicName, packName, version, jar, targets, skipped);
    }

    private static FlashAlgorithm firstFlashAlgorithm(TargetDescription target) {
        for (MemoryRegion region : target.memoryMap()) {
            if (region.isFlash()) {
                return target.algorithm(region.algorithm()).orElseThrow();
            }
        }
        throw new ProbeException(target.name() + " has no flash region");
    }

    /** An OSGi version from the pack's release version: the leading numbers, the rest as qualifier. */
    static String bundleVersion(String version) {
        String[] parts = version.split("[.-]", 4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String digits = i < parts.length ? parts[i].replaceAll("\\D.*", "") : "";
            out.append(i > 0 ? "." : "").append(digits.isEmpty() ? "0" : Long.parseLong(digits));
        }
        return out.toString();
    }

    private static byte[] jar(String symbolicName, String packName, String version, String source,
            Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", bundleVersion(version));
        main.putValue("Bundle-Name", "Target pack " + packName + " (from " + source + ")");
        main.putValue(DataTargetPack.HEADER, TargetPackReader.FILE_NAME);
        main.putValue(SOURCE_HEADER, source);
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=io.probehost.targetpack)"
                + "(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new ProbeException("cannot build the pack bundle: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> unzip(String fileName, byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    files.put(normalise(entry.getName()), in.readAllBytes());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ProbeException(fileName + " is not a readable zip (CMSIS-Pack): " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ProbeException(fileName + " is not a CMSIS-Pack: no files in it (is it a zip?)");
        }
        return files;
    }

    private static String normalise(String path) {
        String slashes = path.replace('\\', '/');
        while (slashes.startsWith("./") || slashes.startsWith("/")) {
            slashes = slashes.substring(slashes.startsWith("/") ? 1 : 2);
        }
        return slashes;
    }

    /** A file the .pdsc names; CMSIS paths use either slash and Windows packs are case-insensitive. */
    private static byte[] entry(Map<String, byte[]> files, String fileName, String path) throws IOException {
        String wanted = normalise(path);
        byte[] content = files.get(wanted);
        if (content == null) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (file.getKey().equalsIgnoreCase(wanted)) {
                    return file.getValue();
                }
            }
            throw new IOException(fileName + " has no file " + wanted);
        }
        return content;
    }
}
