package io.probehost.itest.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The soak's lab file read back: each probe with the target behind it and that target's part. */
record SoakLab(Path file, List<Probe> probes) {

    /** One lab probe: its kind, serial, the lab's name for its target and the target's part. */
    record Probe(String kind, String serial, String target, String part) {
        /** Whether the lab injects probe-side faults (garble, truncate, mute) into this kind. */
        boolean takesProbeFaults() {
            return kind.equals("daplink") || kind.equals("cmsis-dap");
        }

        /** The pack's name for the part, as {@code target:connect -t} takes it. */
        String packTarget() {
            return part.equals("stm32f103rb") ? "stm32f103rb" : "nrf51822_xxaa";
        }

        /** A small example image built for the part that writes to RTT, so that rtt:read finds a control block. */
        String exampleImage() {
            return part.equals("stm32f103rb") ? "nucleo-defmt-log.hex" : "rtt-log.hex";
        }
    }

    static SoakLab read(Path file) throws IOException {
        JsonNode lab = new ObjectMapper().readTree(file.toFile());
        Map<String, String> parts = new HashMap<>();
        lab.get("targets").forEach(target -> parts.put(target.get("name").asText(), target.get("part").asText()));
        List<Probe> probes = new ArrayList<>();
        for (JsonNode probe : lab.get("probes")) {
            String target = probe.get("target").asText();
            probes.add(new Probe(probe.get("kind").asText(), probe.get("serial").asText(), target, parts.get(target)));
        }
        return new SoakLab(file, List.copyOf(probes));
    }
}
