/**
 * Threads and posts: the core write path (validate, render and sanitise through the content package,
 * crisis check, persist with a change sequence number, events after commit) and the reads that pages
 * and the API show. Post text is rendered once, at write time; reads never render.
 */
package org.haven.discussion;
