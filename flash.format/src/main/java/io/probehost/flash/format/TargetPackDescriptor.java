package io.probehost.flash.format;

import java.util.List;

import io.probehost.api.target.TargetDescription;

/**
 * A Probehost target pack as read from its {@code probehost-pack.json}.
 *
 * @param name    short pack name, such as {@code nordic}
 * @param version the pack's version
 * @param targets checked target descriptions, in file order
 */
public record TargetPackDescriptor(String name, String version, List<TargetDescription> targets) {

    public TargetPackDescriptor {
        targets = List.copyOf(targets);
    }
}
