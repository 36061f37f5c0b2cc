package io.probehost.defmt.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.probehost.defmt.DefmtException;
import io.probehost.defmt.DefmtLevelFilter;
import io.probehost.defmt.DefmtLines;
import io.probehost.defmt.DefmtStreamDecoder;
import io.probehost.defmt.DefmtTable;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.rtt.RttDecoderProvider;
import io.probehost.rtt.RttException;
import io.probehost.rtt.RttStreamDecoder;

/**
 * Offers a defmt decoder for firmware whose ELF carries defmt metadata, to every command that streams
 * RTT ({@code rtt:attach --elf}, {@code run}). The level filter comes from the configuration's
 * {@code level}, else from the environment variable {@code DEFMT_LOG} (as defmt spells it), else every
 * level is shown.
 */
@Component(service = RttDecoderProvider.class, configurationPid = DefmtDecoderProvider.PID)
@Designate(ocd = DefmtDecoderProvider.Config.class)
public class DefmtDecoderProvider implements RttDecoderProvider {
    static final String PID = "io.probehost.defmt";
    static final String ENVIRONMENT = "DEFMT_LOG";

    @ObjectClassDefinition(name = "defmt decoder")
    public @interface Config {
        @AttributeDefinition(name = "Level", description = "The lowest level shown: trace, debug, info, warn, error "
                + "or off (println only); empty: the environment variable DEFMT_LOG, else trace")
        String level() default "";

        @AttributeDefinition(name = "Compact", description = "One line per frame, the location at its end")
        boolean compact() default false;
    }

    private final DefmtLevelFilter filter;
    private final boolean compact;

    @Activate
    public DefmtDecoderProvider(Config config) {
        this(filter(config.level(), System.getenv()), config.compact());
    }

    DefmtDecoderProvider(DefmtLevelFilter filter, boolean compact) {
        this.filter = filter;
        this.compact = compact;
    }

    /**
     * The configured level, else {@code DEFMT_LOG}, else everything. {@code DEFMT_LOG} may list module
     * filters ({@code info,app::radio=trace}): frames carry no module, so only the plain level counts.
     */
    static DefmtLevelFilter filter(String configured, Map<String, String> environment) {
        if (!configured.isBlank()) {
            return DefmtLevelFilter.parse(configured);
        }
        String level = "";
        for (String directive : environment.getOrDefault(ENVIRONMENT, "").split(",")) {
            if (!directive.contains("=") && !directive.isBlank()) {
                level = directive;
            }
        }
        return level.isBlank() ? DefmtLevelFilter.ALL : DefmtLevelFilter.parse(level);
    }

    @Override
    public String name() {
        return "defmt";
    }

    @Override
    public Optional<RttStreamDecoder> decoderFor(Path elf) {
        try {
            return DefmtTable.read(elf).map(table -> new DefmtRttDecoder(new DefmtStreamDecoder(table), filter,
                    new DefmtLines(compact)));
        } catch (DefmtException | ImageFormatException e) {
            throw new RttException(elf.getFileName() + ": " + e.getMessage());
        }
    }
}
