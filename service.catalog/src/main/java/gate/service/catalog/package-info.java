/**
 * The {@code catalog} service (not exported): tells a program which services it can discover
 * (architecture reference §6.4). Written against {@code gate.api} alone, as every service bundle
 * can be.
 */
package gate.service.catalog;
