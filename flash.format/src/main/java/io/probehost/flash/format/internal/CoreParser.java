package io.probehost.flash.format.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.probehost.api.target.CoreDescription;

/** The {@code cores} array shared by algorithm files and target-pack descriptors. */
final class CoreParser {

    static final Set<String> ARCHITECTURES = Set.of("armv6m", "armv7m", "armv7em", "armv8m", "riscv");
    private static final Set<String> FIELDS = Set.of("name", "type", "architecture", "ap");

    private CoreParser() {
    }

    static List<CoreDescription> parseAll(JsonFields json, String field) {
        List<CoreDescription> cores = new ArrayList<>();
        List<JsonFields> entries = json.objects(field);
        if (entries.isEmpty()) {
            throw json.error(field, "must list at least one core");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonFields core = entries.get(i);
            core.onlyFields(FIELDS);
            String architecture = core.string("architecture");
            if (!ARCHITECTURES.contains(architecture)) {
                throw core.error("architecture", "'" + architecture + "' is not one of " + ARCHITECTURES.stream().sorted().toList());
            }
            cores.add(new CoreDescription(core.optionalString("name").orElse("core" + i), core.string("type"), architecture,
                    (int) core.optionalNumber("ap").orElse(0)));
        }
        return cores;
    }
}
