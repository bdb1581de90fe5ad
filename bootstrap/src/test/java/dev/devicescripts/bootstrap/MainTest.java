package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    /**
     * Java keeps, per thread, a temporary direct buffer as large as the largest write that thread made, and request
     * threads take turns at writing H2's commits: the benchmark's 1,000-target assigns at -Xmx256m filled direct
     * memory that way, and H2 closed the database. Larger temporary buffers must be freed after each use.
     */
    @Test
    void theServerFreesLargeTemporaryDirectBuffersAfterUse() throws Exception {
        Class.forName(Main.class.getName()); // runs its static initialiser, as java -jar does before main

        assertThat(System.getProperty("jdk.nio.maxCachedBufferSize")).isEqualTo(String.valueOf(1 << 20));
    }
}
