package io.probehost.flash.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.flash.FlashOptions;

/** The session options of the flash loader ({@code -O flash.keep_unwritten=false}). */
@Component(service = OptionProvider.class)
public final class FlashOptionProvider implements OptionProvider {
    static final OptionDescriptor<Boolean> KEEP_UNWRITTEN = OptionDescriptor.of(FlashOptions.KEEP_UNWRITTEN_OPTION,
            Boolean.class, true, "keep the bytes of partly written flash sectors (read back before erase); "
                    + "false erases them");

    @Override
    public List<OptionDescriptor<?>> options() {
        return List.of(KEEP_UNWRITTEN);
    }
}
