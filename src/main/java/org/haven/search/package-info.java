/**
 * Search: the only package that imports Apache Lucene. The index ({@link org.haven.search.PostIndex}) is a projection
 * of the database that each node keeps on its own disk and brings up to date from the posts' change sequence
 * ({@link org.haven.search.SearchService}); the API and the page read it.
 */
package org.haven.search;
