/**
 * Safe content: turns what members write into something a page can show.
 *
 * <p>Owns {@link org.haven.content.ContentRenderer} (Markdown to sanitised HTML, and plain-text excerpts) and
 * the one HTML allow-list, {@code ContentPolicy}. This package is the only place in Haven that renders user
 * text, and the only importer of {@code org.commonmark} and of the OWASP Java HTML Sanitizer
 * ({@code org.owasp.html}); no other package may import either. Other features store the Markdown a member
 * wrote and call the renderer, never build HTML from user text themselves.
 *
 * <p>It depends on no other Haven package and holds no state, so it can be unit tested with {@code new}.
 */
package org.haven.content;
