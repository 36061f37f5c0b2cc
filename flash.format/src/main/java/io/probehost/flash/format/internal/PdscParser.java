package io.probehost.flash.format.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.PdscAlgorithm;
import io.probehost.flash.format.PdscDevice;
import io.probehost.flash.format.PdscMemory;
import io.probehost.flash.format.PdscPack;
import io.probehost.flash.format.PdscProcessor;

/** Walks {@code <devices>} of a .pdsc, carrying properties down family, subFamily, device and variant. */
public final class PdscParser {

    private PdscParser() {
    }

    public static PdscPack parse(String source, byte[] content) {
        Element root = parseXml(source, content).getDocumentElement();
        if (!root.getTagName().equals("package")) {
            throw new ImageFormatException(source + ": root element is <" + root.getTagName() + ">, expected <package>");
        }
        String vendor = requiredText(source, root, "vendor");
        String name = requiredText(source, root, "name");
        String version = "";
        for (Element releases : children(root, "releases")) {
            List<Element> list = children(releases, "release");
            if (!list.isEmpty()) {
                version = list.get(0).getAttribute("version");
            }
        }
        List<PdscDevice> devices = new ArrayList<>();
        for (Element devicesElement : children(root, "devices")) {
            for (Element family : children(devicesElement, "family")) {
                readFamily(source, family, devices);
            }
        }
        return new PdscPack(vendor, name, version, devices);
    }

    private static void readFamily(String source, Element family, List<PdscDevice> devices) {
        String familyName = required(source, family, "Dfamily", "family");
        String vendor = required(source, family, "Dvendor", "family '" + familyName + "'");
        int colon = vendor.indexOf(':');
        String vendorName = colon < 0 ? vendor : vendor.substring(0, colon);
        PdscScope scope = PdscScope.root(source).with(family, "family '" + familyName + "'");
        for (Element child : children(family, null)) {
            if (child.getTagName().equals("device")) {
                readDevice(scope, child, vendorName, familyName, "", devices);
            } else if (child.getTagName().equals("subFamily")) {
                String subName = required(source, child, "DsubFamily", scope.context() + " subFamily");
                PdscScope subScope = scope.with(child, "subFamily '" + subName + "'");
                for (Element device : children(child, "device")) {
                    readDevice(subScope, device, vendorName, familyName, subName, devices);
                }
            }
        }
    }

    private static void readDevice(PdscScope parent, Element device, String vendor, String family, String subFamily,
            List<PdscDevice> devices) {
        String name = required(parent.source(), device, "Dname", parent.context() + " device");
        PdscScope scope = parent.with(device, "device '" + name + "'");
        List<Element> variants = children(device, "variant");
        if (variants.isEmpty()) {
            devices.add(scope.toDevice(name, vendor, family, subFamily));
            return;
        }
        for (Element variant : variants) {
            String variantName = required(parent.source(), variant, "Dvariant", scope.context() + " variant");
            devices.add(scope.with(variant, "variant '" + variantName + "'").toDevice(variantName, vendor, family, subFamily));
        }
    }

    private static Document parseXml(String source, byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make the file unreadable
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            throw new ImageFormatException(source + ": not valid XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new ImageFormatException(source + ": not valid XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    /** Direct child elements, all of them when {@code tag} is null. */
    static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                list.add(e);
            }
        }
        return list;
    }

    private static String requiredText(String source, Element root, String tag) {
        List<Element> list = children(root, tag);
        if (list.isEmpty() || list.get(0).getTextContent().isBlank()) {
            throw new ImageFormatException(source + ": <package> has no <" + tag + ">");
        }
        return list.get(0).getTextContent().strip();
    }

    static String required(String source, Element element, String attribute, String context) {
        String value = element.getAttribute(attribute);
        if (value.isBlank()) {
            throw new ImageFormatException(source + ": " + context + ": <" + element.getTagName() + "> has no " + attribute
                    + " attribute");
        }
        return value.strip();
    }

    /** Properties collected so far on the way down the tree; immutable, so siblings cannot leak into each other. */
    private record PdscScope(String source, String context, Map<String, Map<String, String>> processors,
            Map<String, Map<String, String>> memories, Map<String, Map<String, String>> algorithms) {

        static PdscScope root(String source) {
            return new PdscScope(source, "", Map.of(), Map.of(), Map.of());
        }

        PdscScope with(Element level, String levelName) {
            String where = context.isEmpty() ? levelName : context + " " + levelName;
            Map<String, Map<String, String>> cpus = new LinkedHashMap<>(processors);
            Map<String, Map<String, String>> mems = new LinkedHashMap<>(memories);
            Map<String, Map<String, String>> algos = new LinkedHashMap<>(algorithms);
            for (Element p : children(level, "processor")) {
                merge(cpus, p.getAttribute("Pname"), attributes(p));
            }
            for (Element m : children(level, "memory")) {
                String key = m.hasAttribute("name") ? m.getAttribute("name") : m.getAttribute("id");
                if (key.isBlank()) {
                    throw new ImageFormatException(source + ": " + where + ": <memory> has neither name nor id");
                }
                merge(mems, key, attributes(m));
            }
            for (Element a : children(level, "algorithm")) {
                String file = required(source, a, "name", where);
                String range = number(where, "algorithm '" + file + "'", a.getAttribute("start"), "start") + ":"
                        + number(where, "algorithm '" + file + "'", a.getAttribute("size"), "size") + ":" + a.getAttribute("style");
                algos.remove(range);
                algos.put(range, attributes(a));
            }
            return new PdscScope(source, where, cpus, mems, algos);
        }

        PdscDevice toDevice(String name, String vendor, String family, String subFamily) {
            List<PdscProcessor> cpus = new ArrayList<>();
            Map<String, String> shared = processors.getOrDefault("", Map.of());
            boolean named = processors.keySet().stream().anyMatch(k -> !k.isEmpty());
            for (Map.Entry<String, Map<String, String>> e : processors.entrySet()) {
                if (named && e.getKey().isEmpty()) {
                    continue;
                }
                Map<String, String> a = new LinkedHashMap<>(shared);
                a.putAll(e.getValue());
                String clock = a.getOrDefault("Dclock", "");
                cpus.add(new PdscProcessor(e.getKey(), a.getOrDefault("Dcore", ""), a.getOrDefault("Dfpu", ""),
                        a.getOrDefault("Dmpu", ""), a.getOrDefault("Dendian", "Little-endian"),
                        clock.isBlank() ? OptionalLong.empty() : OptionalLong.of(number(context, "processor", clock, "Dclock"))));
            }
            if (cpus.isEmpty() || cpus.stream().anyMatch(c -> c.core().isEmpty())) {
                throw new ImageFormatException(source + ": " + context + ": no <processor> with a Dcore attribute");
            }
            List<PdscMemory> mems = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> e : memories.entrySet()) {
                mems.add(memory(e.getKey(), e.getValue()));
            }
            List<PdscAlgorithm> algos = new ArrayList<>();
            for (Map<String, String> a : algorithms.values()) {
                algos.add(algorithm(a));
            }
            return new PdscDevice(name, vendor, family, subFamily, cpus, mems, algos);
        }

        private PdscMemory memory(String key, Map<String, String> a) {
            String what = "memory '" + key + "'";
            String id = a.getOrDefault("id", "");
            String access = a.getOrDefault("access", id.contains("ROM") ? "rx" : id.contains("RAM") ? "rw" : "r");
            return new PdscMemory(key, access, number(context, what, a.getOrDefault("start", ""), "start"),
                    number(context, what, a.getOrDefault("size", ""), "size"), flag(a, "startup"), flag(a, "default"),
                    a.getOrDefault("Pname", ""));
        }

        private PdscAlgorithm algorithm(Map<String, String> a) {
            String file = a.get("name").replace('\\', '/');
            String what = "algorithm '" + file + "'";
            String ramStart = a.getOrDefault("RAMstart", "");
            String ramSize = a.getOrDefault("RAMsize", "");
            if (ramStart.isBlank() != ramSize.isBlank()) {
                throw new ImageFormatException(source + ": " + context + ": " + what + ": give both RAMstart and RAMsize or neither");
            }
            return new PdscAlgorithm(file, number(context, what, a.get("start"), "start"), number(context, what, a.get("size"), "size"),
                    ramStart.isBlank() ? OptionalLong.empty() : OptionalLong.of(number(context, what, ramStart, "RAMstart")),
                    ramSize.isBlank() ? OptionalLong.empty() : OptionalLong.of(number(context, what, ramSize, "RAMsize")),
                    flag(a, "default"), a.getOrDefault("style", "Keil"), a.getOrDefault("Pname", ""));
        }

        private long number(String where, String what, String text, String attribute) {
            if (text == null || text.isBlank()) {
                throw new ImageFormatException(source + ": " + where + ": " + what + ": attribute " + attribute + " is missing");
            }
            Long value = Hex.parseNumber(text);
            if (value == null) {
                throw new ImageFormatException(source + ": " + where + ": " + what + ": attribute " + attribute + "='"
                        + text + "' is not a number");
            }
            return value;
        }

        private static boolean flag(Map<String, String> a, String attribute) {
            String value = a.getOrDefault(attribute, "0").strip();
            return value.equals("1") || value.equalsIgnoreCase("true");
        }

        private static void merge(Map<String, Map<String, String>> into, String key, Map<String, String> attributes) {
            Map<String, String> merged = new LinkedHashMap<>(into.getOrDefault(key, Map.of()));
            merged.putAll(attributes);
            into.put(key, merged);
        }

        private static Map<String, String> attributes(Element element) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                Node attribute = element.getAttributes().item(i);
                map.put(attribute.getNodeName(), attribute.getNodeValue().strip());
            }
            return map;
        }
    }
}
