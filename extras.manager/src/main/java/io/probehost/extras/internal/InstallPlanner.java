package io.probehost.extras.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

import io.probehost.api.ProbeException;

/** Finds an extra in the indexes and works out, with the OSGi resolver, what installing it adds and reuses. */
final class InstallPlanner {
    private static final Pattern LOWER = Pattern.compile("(?<!!)\\((?:bundle-)?version>=([^)]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]+)\\)\\)");

    /** The resolution of one extra: the index resources to install (the extra last) and the installed ones it uses. */
    record Plan(IndexResource extra, List<IndexResource> added, List<Resource> reused) {
    }

    private final Resolver resolver;

    InstallPlanner(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The newest resource offered under {@code name}. */
    static IndexResource find(String name, List<IndexRepository> repositories) {
        return repositories.stream().flatMap(r -> r.resources().stream())
                .filter(r -> r.extraName().filter(name::equalsIgnoreCase).isPresent())
                .max(Comparator.comparing(IndexResource::version))
                .orElseThrow(() -> new ProbeException("no extra named '" + name
                        + "' in the repositories (driver:available lists them)"));
    }

    Plan plan(String name, List<IndexRepository> repositories, InstalledState installed) {
        IndexResource extra = find(name, repositories);
        if (installed.has(extra.symbolicName(), extra.version())) {
            throw new ProbeException(name + " is already installed (" + extra + ")");
        }
        Map<Resource, List<Wire>> delta;
        try {
            delta = resolver.resolve(new ExtraResolveContext(extra, repositories, installed));
        } catch (ResolutionException e) {
            throw new ProbeException("cannot install " + name + ": " + missing(e));
        }
        List<IndexResource> added = new ArrayList<>();
        Set<Resource> reused = new LinkedHashSet<>();
        for (Map.Entry<Resource, List<Wire>> entry : delta.entrySet()) {
            if (!installed.isInstalled(entry.getKey()) && entry.getKey() != extra) {
                added.add((IndexResource) entry.getKey());
            }
            for (Wire wire : entry.getValue()) {
                if (installed.isInstalled(wire.getProvider())) {
                    reused.add(wire.getProvider());
                }
            }
        }
        added.sort(Comparator.comparing(IndexResource::symbolicName));
        added.add(extra);
        return new Plan(extra, added, List.copyOf(reused));
    }

    /** The requirement nothing satisfies, in words: "nothing installed or in the repositories provides package ...". */
    static String missing(ResolutionException e) {
        Collection<Requirement> unresolved = e.getUnresolvedRequirements();
        if (unresolved == null || unresolved.isEmpty()) {
            return IndexParser.firstLine(e.getMessage());
        }
        Requirement requirement = unresolved.iterator().next();
        return "nothing installed or in the repositories provides " + describe(requirement) + " (needed by "
                + requirement.getResource() + ")";
    }

    /** A requirement as a user reads it: {@code package com.sun.jna [5.13.0,6.0.0)}. */
    static String describe(Requirement requirement) {
        String namespace = requirement.getNamespace();
        String filter = String.valueOf(requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
        Matcher name = Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^)]*)\\)").matcher(filter);
        if (!name.find()) {
            return namespace + " " + filter;
        }
        String kind = switch (namespace) {
            case "osgi.wiring.package" -> "package ";
            case "osgi.wiring.bundle", IdentityNamespace.IDENTITY_NAMESPACE -> "bundle ";
            case "osgi.wiring.host" -> "fragment host ";
            default -> namespace + " ";
        };
        Matcher lower = LOWER.matcher(filter);
        Matcher upper = UPPER.matcher(filter);
        String low = lower.find() ? lower.group(1) : null;
        String high = upper.find() ? upper.group(1) : null;
        String range = low == null ? "" : high == null ? " " + low + " or newer" : " [" + low + "," + high + ")";
        return kind + name.group(1) + range;
    }
}
