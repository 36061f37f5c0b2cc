package io.probehost.sim.mcu.cpu;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The few parts of the JVM class file format {@link BlockCompiler} needs: a constant pool and a
 * final class of version 49 (no stack map frames needed) with methods given as bytecode.
 */
final class ClassFileBuilder {
    private static final int VERSION_49 = 49;
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_FINAL_SUPER = 0x0030;

    private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(poolBytes);
    private final Map<String, Integer> indexes = new HashMap<>();
    private int poolCount = 1;
    private final ByteArrayOutputStream methodBytes = new ByteArrayOutputStream();
    private final DataOutputStream methods = new DataOutputStream(methodBytes);
    private int methodCount;

    int utf8(String value) {
        return entry("U" + value, out -> {
            out.writeByte(1);
            out.writeUTF(value);
        });
    }

    int classRef(String internalName) {
        int name = utf8(internalName);
        return entry("C" + internalName, out -> {
            out.writeByte(7);
            out.writeShort(name);
        });
    }

    int integer(int value) {
        return entry("I" + value, out -> {
            out.writeByte(3);
            out.writeInt(value);
        });
    }

    int methodRef(String owner, String name, String descriptor) {
        int ownerIndex = classRef(owner);
        int nameAndType = nameAndType(name, descriptor);
        return entry("M" + owner + "." + name + descriptor, out -> {
            out.writeByte(10);
            out.writeShort(ownerIndex);
            out.writeShort(nameAndType);
        });
    }

    private int nameAndType(String name, String descriptor) {
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        return entry("N" + name + descriptor, out -> {
            out.writeByte(12);
            out.writeShort(nameIndex);
            out.writeShort(descriptorIndex);
        });
    }

    /** Adds a public method with the bytecode {@code code}. */
    void method(String name, String descriptor, int maxStack, int maxLocals, byte[] code) {
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        int codeName = utf8("Code");
        write(methods, out -> {
            out.writeShort(ACC_PUBLIC);
            out.writeShort(nameIndex);
            out.writeShort(descriptorIndex);
            out.writeShort(1);
            out.writeShort(codeName);
            out.writeInt(12 + code.length);
            out.writeShort(maxStack);
            out.writeShort(maxLocals);
            out.writeInt(code.length);
            out.write(code);
            out.writeShort(0); // no exception table
            out.writeShort(0); // no attributes
        });
        methodCount++;
    }

    /** The class file of a final class {@code name} extending {@code superName}. */
    byte[] build(String name, String superName) {
        int thisClass = classRef(name);
        int superClass = classRef(superName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(new DataOutputStream(bytes), out -> {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(VERSION_49);
            out.writeShort(poolCount);
            out.write(poolBytes.toByteArray());
            out.writeShort(ACC_FINAL_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0); // no interfaces
            out.writeShort(0); // no fields
            out.writeShort(methodCount);
            out.write(methodBytes.toByteArray());
            out.writeShort(0); // no attributes
        });
        return bytes.toByteArray();
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private int entry(String key, Writer writer) {
        Integer known = indexes.get(key);
        if (known != null) {
            return known;
        }
        write(pool, writer);
        int index = poolCount++;
        indexes.put(key, index);
        return index;
    }

    private static void write(DataOutputStream out, Writer writer) {
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }
}
