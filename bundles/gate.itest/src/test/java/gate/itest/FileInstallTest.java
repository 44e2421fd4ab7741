package gate.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import gate.api.admin.ProviderState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Hot deployment through a real FileInstall deploy folder. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FileInstallTest extends GateTestSupport {
    @Configuration
    public Option[] configuration() throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("gate.itest.workdir")));
        Path deploy = Files.createTempDirectory(work, "deploy");
        return options(GateOptions.core("fileinstall"), GateOptions.fileInstall(deploy));
    }

    private static Path deployDir() {
        return Path.of(System.getProperty("gate.itest.deploy"));
    }

    /** Builds a fixture jar next to the deploy folder and moves it in whole. */
    private static Path deploy(String symbolicName, String serviceName) throws IOException {
        Path staging = Files.createDirectories(deployDir().resolveSibling(deployDir().getFileName() + "-staging"));
        Path jar = FixtureBundles.write(staging, symbolicName, serviceName, "1");
        return Files.move(jar, deployDir().resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    public void aJarCopiedInAppearsAndVanishesWhenDeleted() throws Exception {
        Path jar = deploy("gate.itest.deployed", "itest/deployed");
        Await.catalog(catalog, Await.listing("itest/deployed", "1"), "the deployed service is listed");
        assertTrue(catalogServiceReply().contains("itest/deployed"));
        assertEquals(ProviderState.ACTIVE, provider("gate.itest.deployed").orElseThrow().state());

        Files.delete(jar);
        Await.catalog(catalog, Await.notListing("itest/deployed"), "the deleted service is gone");
        assertFalse(catalogServiceReply().contains("itest/deployed"));
        Await.until(() -> !installed("gate.itest.deployed"), "FileInstall uninstalls the bundle");
    }

    @Test
    public void aBrokenJarLeavesEverythingElseWorking() throws Exception {
        Path broken = deployDir().resolve("broken.jar");
        Files.write(broken, "this is not a zip file".getBytes(StandardCharsets.US_ASCII));
        // FileInstall still deploys what comes after the broken jar...
        Path good = deploy("gate.itest.deployedlater", "itest/deployed-later");
        Await.catalog(catalog, Await.listing("itest/deployed-later"), "a good jar after the broken one is listed");
        // ...nothing was installed from the broken one, and the platform still answers.
        assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> b.getLocation().contains("broken.jar")));
        assertTrue(catalogServiceReply().containsAll(List.of("catalog", "itest/deployed-later")));

        Files.delete(good);
        Files.delete(broken);
        Await.catalog(catalog, Await.notListing("itest/deployed-later"), "the good jar is undeployed");
    }

    private boolean installed(String symbolicName) {
        return Arrays.stream(context.getBundles()).anyMatch(b -> symbolicName.equals(b.getSymbolicName()));
    }

}
