package gate.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Engine;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EngineDiscoveryTest {
    @Test
    void serviceLoaderFindsTheInterpreter() {
        assertTrue(ServiceLoader.load(Engine.class).stream()
                .map(ServiceLoader.Provider::get)
                .anyMatch(e -> e.name().equals("interp") && e instanceof InterpreterEngine));
    }
}
