package io.probehost.extras.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.osgi.framework.Version;

import io.probehost.api.ProbeException;

/**
 * Reads an OSGi Repository index (the XML of the Repository service specification, optionally
 * gzipped) into resources. Typed attributes become {@link Version}, {@link Long}, {@link Double}
 * or lists of these; content URLs are resolved against the index; referrals are followed.
 */
final class IndexParser {
    static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";
    private static final int MAX_REFERRAL_DEPTH = 4;

    private IndexParser() {
    }

    /** The resources of the index at {@code index} and of the indexes it refers to. */
    static List<IndexResource> parse(URI index) {
        List<IndexResource> resources = new ArrayList<>();
        parse(index, MAX_REFERRAL_DEPTH, new HashSet<>(), resources);
        return resources;
    }

    private static void parse(URI index, int depth, Set<URI> seen, List<IndexResource> into) {
        if (!seen.add(index)) {
            return;
        }
        List<URI> referrals = new ArrayList<>();
        try (InputStream in = open(index)) {
            read(index, in, into, referrals);
        } catch (IOException e) {
            throw new ProbeException("cannot read repository " + index + ": " + e.getMessage());
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new ProbeException("repository " + index + " is not a valid index: " + firstLine(e.getMessage()));
        }
        if (depth > 0) {
            for (URI referral : referrals) {
                parse(referral, depth - 1, seen, into);
            }
        }
    }

    private static InputStream open(URI index) throws IOException {
        InputStream in = new BufferedInputStream(index.toURL().openStream());
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
    }

    static void read(URI index, InputStream in, List<IndexResource> into, List<URI> referrals)
            throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        IndexResource resource = null;
        String namespace = null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        boolean sawRepository = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "repository" -> sawRepository = true;
                    case "referral" -> referrals.add(index.resolve(required(xml, "url")));
                    case "resource" -> resource = new IndexResource(index);
                    case "capability", "requirement" -> {
                        namespace = required(xml, "namespace");
                        attributes = new LinkedHashMap<>();
                        directives = new LinkedHashMap<>();
                    }
                    case "attribute" -> attributes.put(required(xml, "name"),
                            typed(xml.getAttributeValue(null, "type"), required(xml, "value")));
                    case "directive" -> directives.put(required(xml, "name"), required(xml, "value"));
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "resource" -> {
                        into.add(resource);
                        resource = null;
                    }
                    case "capability", "requirement" -> {
                        if (resource != null) {
                            resource.add(namespace, attributes, directives, "capability".equals(xml.getLocalName()));
                        }
                    }
                    default -> { }
                }
            }
        }
        if (!sawRepository) {
            throw new IllegalArgumentException("no <repository> element");
        }
    }

    private static String required(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null) {
            throw new IllegalArgumentException("<" + xml.getLocalName() + "> without " + attribute + " at line "
                    + xml.getLocation().getLineNumber());
        }
        return value;
    }

    /** An attribute value of the index's {@code type}: String (the default), Version, Long, Double or List of these. */
    static Object typed(String type, String value) {
        if (type == null || type.equals("String")) {
            return value;
        }
        if (type.startsWith("List<") && type.endsWith(">")) {
            Function<String, Object> element = scalar(type.substring(5, type.length() - 1));
            List<Object> list = new ArrayList<>();
            for (String part : value.split(",")) {
                list.add(element.apply(part.trim()));
            }
            return List.copyOf(list);
        }
        return scalar(type).apply(value.trim());
    }

    private static Function<String, Object> scalar(String type) {
        return switch (type) {
            case "String" -> s -> s;
            case "Version" -> Version::valueOf;
            case "Long" -> Long::valueOf;
            case "Double" -> Double::valueOf;
            default -> throw new IllegalArgumentException("unknown attribute type " + type);
        };
    }

    /** The first line of an exception's message, for the one-line errors users see. */
    static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
