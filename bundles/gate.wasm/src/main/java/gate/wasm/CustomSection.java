package gate.wasm;

/**
 * A custom section kept as a range of {@link Module#bytes()} (core spec §5.5.3).
 *
 * @param afterSection id of the known section it follows (0 if it comes first); lets a snapshot
 *     writer put it back in place
 */
public record CustomSection(String name, int payloadOffset, int payloadLength, int afterSection) {}
