package io.probehost.sim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.probehost.api.ProbeException;

/**
 * What the lab contains: virtual targets, and virtual probes in front of them. Read from JSON or
 * YAML; the bundle ships {@code default-lab.json}.
 *
 * @param targets virtual microcontrollers
 * @param probes  virtual probes, each wired to one target
 * @param link    USB latencies of the link model
 */
record LabConfig(List<Target> targets, List<Probe> probes, Link link) {

    static final String DEFAULT_RESOURCE = "default-lab.json";

    LabConfig {
        targets = targets == null ? List.of() : List.copyOf(targets);
        probes = probes == null ? List.of() : List.copyOf(probes);
        link = link == null ? new Link(1000, 125) : link;
    }

    /**
     * A virtual target.
     *
     * @param name a name unique in the lab, used for its state folder
     * @param part the part it models: {@code nrf51822}, {@code stm32f103rb} or {@code gd32vf103cb}
     *             ({@link LabParts})
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Target(String name, String part) {
    }

    /**
     * A virtual probe.
     *
     * @param kind         {@code daplink} (v1 HID and v2 bulk, serial with a board ID), {@code cmsis-dap}
     *                     (v2.1 bulk reporting its target through DAP_Info), {@code stlink-v2-1} (on a
     *                     Nucleo board, naming it by its board ID), {@code stlink-v3} (STLINK-V3SET) or
     *                     {@code stlink-v2} (stand-alone), {@code jlink} (J-Link V11), {@code picoprobe} (legacy
     *                     Picoprobe firmware), {@code pemicro} (a PE Multilink, reached through the stand-in
     *                     for PE Micro's library, not USB); see {@link LabProbeKinds}
     * @param serial       USB serial number (the probe's unique ID; a J-Link's is its decimal serial number; a
     *                     Multilink's, its short port descriptor)
     * @param target       name of the target it is wired to
     * @param targetVendor DAP_Info target device vendor ({@code cmsis-dap} only)
     * @param targetName   DAP_Info target device name ({@code cmsis-dap} only)
     * @param boardVendor  DAP_Info board vendor ({@code cmsis-dap} only)
     * @param boardName    DAP_Info board name ({@code cmsis-dap} only)
     * @param firmware     the firmware version, as {@code V2J23S4}, {@code V2J37M26} or {@code V3J7M3B2}
     *                     (ST-Links only; default V2J37S7, V2J37M26, V3J7M3B2)
     * @param boardId      the 4-character board ID GET_BOARD_IDENTIFIERS answers (ST-Links only; the
     *                     {@code stlink-v2-1} defaults to 0700, NUCLEO-F103RB)
     */
    record Probe(String kind, String serial, String target, String targetVendor, String targetName,
            String boardVendor, String boardName, String firmware, String boardId) {
    }

    /**
     * @param hidRoundTripMicros  one request/response over full speed (1 ms frames): CMSIS-DAP v1 HID,
     *                            ST-Link/V2 and V2-1, Picoprobe
     * @param bulkRoundTripMicros one request/response over high speed (125 us microframes): CMSIS-DAP v2
     *                            bulk, STLINK-V3, J-Link V11
     */
    record Link(long hidRoundTripMicros, long bulkRoundTripMicros) {
    }

    static LabConfig read(Path file) {
        ObjectMapper mapper = mapperFor(file.toString());
        try {
            return validate(mapper.readValue(file.toFile(), LabConfig.class), file.toString());
        } catch (IOException e) {
            throw new ProbeException("lab configuration " + file + ": " + firstLine(e.getMessage()));
        }
    }

    static LabConfig readDefault() {
        try (InputStream in = LabConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return validate(mapperFor(DEFAULT_RESOURCE).readValue(in, LabConfig.class), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new ProbeException("the built-in lab configuration is broken: " + e.getMessage());
        }
    }

    private static ObjectMapper mapperFor(String name) {
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new ObjectMapper(new YAMLFactory())
                : new ObjectMapper();
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static LabConfig validate(LabConfig config, String source) {
        for (Target target : config.targets) {
            if (target.name() == null || !LabParts.has(target.part())) {
                throw new ProbeException("lab configuration " + source + ": target " + target.name()
                        + " has part '" + target.part() + "'; the lab models: "
                        + String.join(", ", LabParts.names()));
            }
        }
        Set<String> wired = new HashSet<>();
        for (Probe probe : config.probes) {
            if (!wired.add(String.valueOf(probe.target()))) {
                throw new ProbeException("lab configuration " + source + ": probe " + probe.serial()
                        + " is wired to target '" + probe.target() + "', which already has a probe (one per target)");
            }
            if (config.targets.stream().noneMatch(t -> t.name().equals(probe.target()))) {
                throw new ProbeException("lab configuration " + source + ": probe " + probe.serial()
                        + " is wired to unknown target '" + probe.target() + "'");
            }
            if (!LabProbeKinds.has(probe.kind())) {
                throw new ProbeException("lab configuration " + source + ": probe " + probe.serial()
                        + " has kind '" + probe.kind() + "'; the lab emulates: "
                        + String.join(", ", LabProbeKinds.names()));
            }
        }
        return config;
    }

    private static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? String.valueOf(text) : text.substring(0, newline);
    }
}
