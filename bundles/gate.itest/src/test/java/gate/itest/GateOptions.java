package gate.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ops4j.pax.exam.Option;

/**
 * The bundle sets the tests boot. Gate's own bundles come from the reactor's target folders and
 * third-party bundles from the local Maven repository, at the versions the surefire configuration
 * passes in as system properties (see the module pom).
 */
final class GateOptions {
    private GateOptions() {}

    /** Felix with DS, Config Admin, Gogo and Gate's broker, shell and catalog service. */
    static Option core(String testName) {
        return composite(coreWithoutShell(testName),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime", version("felix.gogo.runtime")),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command", version("felix.gogo.command")));
    }

    /** The same without Gogo: gate.shell must still resolve and start (its Gogo import is optional). */
    static Option coreWithoutShell(String testName) {
        return composite(
                cleanCaches(),
                workingDirectory(property("gate.itest.workdir") + "/" + testName),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("INFO"),
                junitBundles(),
                mavenBundle("org.osgi", "org.osgi.util.function", version("osgi.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", version("osgi.promise")),
                mavenBundle("org.osgi", "org.osgi.service.component", version("osgi.component")),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", version("felix.scr")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", version("felix.configadmin")),
                mavenBundle("com.google.code.gson", "gson", version("gson")),
                gateBundle("gate.api"),
                gateBundle("gate.wasm"),
                gateBundle("gate.engine"),
                gateBundle("gate.abi"),
                gateBundle("gate.broker"),
                gateBundle("gate.shell"),
                gateBundle("gate.service.catalog"));
    }

    /**
     * Both engines and the runtime: what runs programs (gate run's bundles minus the launcher). The
     * native engine (gate.executor with gate.compiler, gate.runtime.native and JNA) puts its
     * container binary and compiled programs where the surefire configuration says.
     */
    static Option runtime() {
        return composite(
                systemProperty("gate.native.bin").value(property("gate.native.bin")),
                systemProperty("gate.native.cache").value(property("gate.native.cache")),
                mavenBundle("net.java.dev.jna", "jna", version("jna")),
                gateBundle("gate.interp"),
                gateBundle("gate.compiler"),
                gateBundle("gate.runtime.native"),
                gateBundle("gate.executor"),
                gateBundle("gate.service.origin"),
                gateBundle("gate.runtime"));
    }

    /** FileInstall watching {@code deployDir}, polling often so that tests finish quickly. */
    static Option fileInstall(Path deployDir) {
        return composite(
                frameworkProperty("felix.fileinstall.dir").value(deployDir.toString()),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("4"),
                systemProperty("gate.itest.deploy").value(deployDir.toString()),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall", version("felix.fileinstall")));
    }

    /**
     * Felix HTTP Jetty 12 on a loopback port with Gate's HTTP API. SPI Fly and ASM start first and
     * slf4j next, so that Jetty finds its logging provider (osgi-stack.md P3).
     */
    static Option http(int port) {
        String asm = version("asm");
        return composite(
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(port)),
                frameworkProperty("org.osgi.service.http.host").value("127.0.0.1"),
                systemProperty("gate.itest.http.port").value(Integer.toString(port)),
                mavenBundle("org.ow2.asm", "asm", asm).startLevel(1),
                mavenBundle("org.ow2.asm", "asm-commons", asm).startLevel(1),
                mavenBundle("org.ow2.asm", "asm-util", asm).startLevel(1),
                mavenBundle("org.ow2.asm", "asm-tree", asm).startLevel(1),
                mavenBundle("org.ow2.asm", "asm-analysis", asm).startLevel(1),
                mavenBundle("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle", version("spifly"))
                        .startLevel(1),
                mavenBundle("org.slf4j", "slf4j-api", version("slf4j")).startLevel(2),
                mavenBundle("org.slf4j", "slf4j-simple", version("slf4j")).startLevel(2),
                mavenBundle("commons-io", "commons-io", version("commons-io")),
                mavenBundle("commons-fileupload", "commons-fileupload", version("commons-fileupload")),
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api", version("felix.http.servlet-api")),
                mavenBundle("org.apache.felix", "org.apache.felix.http.jetty12", version("felix.http.jetty12")),
                gateBundle("gate.http"));
    }

    private static Option gateBundle(String symbolicName) {
        Path jar = Path.of(property("gate.bundle." + symbolicName));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the reactor (./mvnw verify) first");
        }
        return bundle(jar.toUri().toString());
    }

    private static String version(String name) {
        return property("version." + name);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
        }
        return value;
    }
}
