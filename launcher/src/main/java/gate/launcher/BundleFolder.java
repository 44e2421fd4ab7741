package gate.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/** The distribution's {@code bundle/} folder: the resolved run bundles of {@code gate.bndrun}. */
final class BundleFolder {

    private final Path folder;
    private final StartLevelRules rules;
    private final Predicate<String> include;

    BundleFolder(Path folder, StartLevelRules rules) {
        this(folder, rules, fileName -> true);
    }

    /** Only the jars whose file name {@code include} accepts ({@code gate run} leaves some out). */
    BundleFolder(Path folder, StartLevelRules rules, Predicate<String> include) {
        this.folder = folder;
        this.rules = rules;
        this.include = include;
    }

    /**
     * Installs every jar, sets its start level and marks it started; the framework starts them
     * level by level when it starts.
     */
    void installAndMark(BundleContext context) throws LaunchException {
        var installed = new ArrayList<Bundle>();
        for (Path jar : jars()) {
            try {
                installed.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException e) {
                throw new LaunchException("cannot install " + folder.relativize(jar), e);
            }
        }
        for (Bundle bundle : installed) {
            bundle.adapt(BundleStartLevel.class).setStartLevel(rules.levelOf(bundle.getSymbolicName()));
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    throw new LaunchException("cannot mark " + bundle.getSymbolicName() + " started", e);
                }
            }
        }
    }

    private List<Path> jars() throws LaunchException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> include.test(p.getFileName().toString()))
                    .sorted()
                    .toList();
            if (jars.isEmpty()) {
                throw new LaunchException("no bundle in " + folder);
            }
            return jars;
        } catch (IOException e) {
            throw new LaunchException("cannot list " + folder, e);
        }
    }
}
