package gate.interp;

import gate.engine.InstanceState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A plain byte serialization of InstanceState, to show states need nothing but their values. */
final class StateCodec {
    private StateCodec() {}

    static byte[] encode(InstanceState s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeBoolean(s.memory() != null);
            if (s.memory() != null) {
                out.writeInt(s.memory().length);
                out.write(s.memory());
            }
            writeLongs(out, s.globals());
            out.writeInt(s.tables().size());
            for (long[] t : s.tables()) {
                writeLongs(out, t);
            }
            writeInts(out, s.droppedData());
            writeInts(out, s.droppedElements());
            out.writeInt(s.stack().size());
            for (InstanceState.Frame f : s.stack()) {
                out.writeInt(f.functionIndex());
                out.writeInt(f.codeOffset());
                writeLongs(out, f.locals());
                writeLongs(out, f.operands());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InstanceState decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            byte[] memory = null;
            if (in.readBoolean()) {
                memory = new byte[in.readInt()];
                in.readFully(memory);
            }
            long[] globals = readLongs(in);
            List<long[]> tables = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                tables.add(readLongs(in));
            }
            List<Integer> droppedData = readInts(in);
            List<Integer> droppedElements = readInts(in);
            List<InstanceState.Frame> frames = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                frames.add(new InstanceState.Frame(in.readInt(), in.readInt(), readLongs(in), readLongs(in)));
            }
            return new InstanceState(memory, globals, tables, droppedData, droppedElements, frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values.size());
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        List<Integer> values = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            values.add(in.readInt());
        }
        return values;
    }
}
