package gate.executor;

import java.nio.file.Path;

/**
 * Settings of an {@link Executor}.
 *
 * @param binaryDirectory private directory (on a filesystem without noexec) for the container binary
 * @param poolSize pre-spawned idle instance processes (0..64)
 * @param allowWithoutNamespaces when user namespaces are refused, run with {@code --no-namespaces}
 *     (same instance hardening: seccomp, rlimits; no pid/mount/network isolation of the container)
 */
public record ExecutorConfig(Path binaryDirectory, int poolSize, boolean allowWithoutNamespaces) {
    public ExecutorConfig {
        if (poolSize < 0 || poolSize > 64) {
            throw new IllegalArgumentException("pool size must be 0..64");
        }
    }

    /** Defaults: {@link BinaryInstaller#defaultDirectory()}, pool 4, fallback allowed. */
    public static ExecutorConfig defaults() {
        return new ExecutorConfig(BinaryInstaller.defaultDirectory(), 4, true);
    }

    public ExecutorConfig withPoolSize(int size) {
        return new ExecutorConfig(binaryDirectory, size, allowWithoutNamespaces);
    }
}
