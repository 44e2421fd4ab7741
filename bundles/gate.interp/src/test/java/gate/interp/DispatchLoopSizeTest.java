package gate.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not compile methods above 8000 bytes of bytecode (-XX:+DontCompileHugeMethods, on
 * by default): a dispatch loop that grew past it would silently run interpreted, many times
 * slower. This reads the class file and checks the loop's code length.
 */
class DispatchLoopSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void dispatchLoopStaysCompilable() throws IOException {
        int length = codeLength(Interpreter.class, "loop");
        assertTrue(length > 1000 && length < HUGE_METHOD_LIMIT, "Interpreter.loop has " + length + " bytes");
    }

    /** Code attribute length of the method {@code name} (JVMS §4.1, §4.6, §4.7.3). */
    static int codeLength(Class<?> type, String name) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipNBytes(2L * in.readUnsignedShort());
            for (int fields = in.readUnsignedShort(); fields > 0; fields--) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            for (int methods = in.readUnsignedShort(); methods > 0; methods--) {
                in.readUnsignedShort();
                String methodName = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int size = in.readInt();
                    if (attribute.equals("Code") && methodName.equals(name)) {
                        in.readUnsignedShort();
                        in.readUnsignedShort();
                        return in.readInt();
                    }
                    in.skipNBytes(size);
                }
            }
            throw new IOException("no method " + name);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int n = in.readUnsignedShort(); n > 0; n--) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
