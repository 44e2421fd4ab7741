/**
 * The origin service (architecture reference §6.4) and the stdio channel: flow-controlled byte
 * streams between a program instance and its originator, such as the terminal of {@code gate run}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package gate.service.origin;
