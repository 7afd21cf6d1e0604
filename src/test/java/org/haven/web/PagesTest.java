package org.haven.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void aNextTargetOnThisSiteIsKept() {
        assertEquals("/threads/4?page=2", Pages.localPath("/threads/4?page=2"));
    }

    @Test
    void aNextTargetThatLeavesTheSiteBecomesTheHomePage() {
        assertEquals("/", Pages.localPath("https://evil.example/"));
        assertEquals("/", Pages.localPath("//evil.example/"));
        assertEquals("/", Pages.localPath("/\\evil.example/"));
        assertEquals("/", Pages.localPath("javascript:alert(1)"));
        assertEquals("/", Pages.localPath("/ok\r\nSet-Cookie: x=1"));
        assertEquals("/", Pages.localPath(null));
    }
}
