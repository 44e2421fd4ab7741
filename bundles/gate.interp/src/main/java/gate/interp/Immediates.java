package gate.interp;

/** Skips the immediates of an instruction in unreachable code (core spec §5.4). */
final class Immediates {
    private Immediates() {}

    static void skip(CodeReader in, int opcode) {
        switch (opcode) {
            case 0x0c, 0x0d, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xd2 -> in.readU32();
            case 0x0e -> {
                int n = in.readU32();
                for (int i = 0; i <= n; i++) {
                    in.readU32();
                }
            }
            case 0x11 -> {
                in.readU32();
                in.readU32();
            }
            case 0x1c -> {
                int n = in.readU32();
                for (int i = 0; i < n; i++) {
                    in.readByte();
                }
            }
            case 0x3f, 0x40, 0xd0 -> in.readByte();
            case 0x41, 0x42 -> in.readS64();
            case 0x43 -> in.readFixed32();
            case 0x44 -> in.readFixed64();
            case 0xfc -> skipPrefixed(in, in.readU32());
            default -> {
                if (opcode >= 0x28 && opcode <= 0x3e) {
                    in.readU32();
                    in.readU32();
                }
            }
        }
    }

    private static void skipPrefixed(CodeReader in, int sub) {
        switch (sub) {
            case 8, 12, 14 -> {
                in.readU32();
                in.readU32();
            }
            case 9, 11, 13, 15, 16, 17 -> in.readU32();
            case 10 -> {
                in.readByte();
                in.readByte();
            }
            default -> { }
        }
    }
}
