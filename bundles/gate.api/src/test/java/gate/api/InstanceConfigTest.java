package gate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InstanceConfigTest {
    @Test
    void checksCodeAndSendSize() {
        assertEquals(65528, new InstanceConfig(0, Packet.MAX_SIZE).maxContentSize());
        assertThrows(IllegalArgumentException.class, () -> new InstanceConfig(-1, 4096));
        assertThrows(IllegalArgumentException.class, () -> new InstanceConfig(32768, 4096));
        assertThrows(IllegalArgumentException.class, () -> new InstanceConfig(0, 15));
        assertThrows(IllegalArgumentException.class, () -> new InstanceConfig(0, Packet.MAX_SIZE + 1));
    }
}
