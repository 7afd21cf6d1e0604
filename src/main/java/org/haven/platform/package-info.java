/**
 * Start-up and cross-cutting plumbing: schema migration (Flyway), the start-up sequence, configuration
 * helpers and the clock. Holds no feature rules of its own.
 */
package org.haven.platform;
