/** Administrative views of the broker (shell commands, consoles); not needed by services. */
@Export
@Version("1.0.0")
package gate.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
