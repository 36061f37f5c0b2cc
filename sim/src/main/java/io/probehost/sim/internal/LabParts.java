package io.probehost.sim.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjIdentity;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.adi.riscv.RiscvJtagDtm;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * The parts the lab models, by the name a lab file gives them. Each builds its chip and the debug
 * port on its connector (an SWJ-DP for the Cortex-M parts, the JTAG DTM for the GD32VF103); a new part is one more entry in {@link #FACTORIES}.
 */
final class LabParts {

    /** Builds one part, its non-volatile memory persisting in a folder (null: nothing persists). */
    @FunctionalInterface
    interface Factory {
        LabChip create(Path stateFolderOrNull);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("nrf51822", state -> {
            Nrf51822 mcu = Nrf51822.create(state);
            return new LabChip.Arm(mcu, new SwjDp(mcu));
        });
        FACTORIES.put("stm32f103rb", state -> {
            Stm32f103 mcu = Stm32f103.create(state);
            return new LabChip.Arm(mcu, new SwjDp(mcu, SwjIdentity.STM32F1, WireMode.JTAG, 0));
        });
        FACTORIES.put("gd32vf103cb", state -> {
            Gd32vf103 mcu = Gd32vf103.create(state);
            return new LabChip.Riscv(mcu, new RiscvJtagDtm(mcu, Gd32vf103.JTAG_IDCODE, 0));
        });
    }

    private LabParts() {
    }

    static Set<String> names() {
        return FACTORIES.keySet();
    }

    static boolean has(String part) {
        return FACTORIES.containsKey(part);
    }

    static LabChip create(String part, Path stateFolderOrNull) {
        Factory factory = FACTORIES.get(part);
        if (factory == null) {
            throw new ProbeException("the lab models no part '" + part + "' (it models: " + String.join(", ", names())
                    + ")");
        }
        return factory.create(stateFolderOrNull);
    }
}
