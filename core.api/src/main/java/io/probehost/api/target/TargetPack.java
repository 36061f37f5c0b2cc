package io.probehost.api.target;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A target pack: a service offering target descriptions, registered by a target-pack bundle. The
 * core tracks packs dynamically, so installing or removing a pack changes the known targets at once.
 */
@ConsumerType
public interface TargetPack {

    /** Short pack name, such as {@code nordic}. */
    String name();

    /** The pack's version, for {@code target:list}. */
    String version();

    List<TargetDescription> targets();
}
