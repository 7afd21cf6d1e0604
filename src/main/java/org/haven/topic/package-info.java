/**
 * Recovery topics: seeded on first start from {@code seed/topics.json}, listed with their thread counts.
 * Threads belong to the discussion package, which keeps a topic's count up to date.
 */
package org.haven.topic;
