package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens as a user mints them: {@code java -jar devicescripts.jar token ...}. */
final class JarTokens {

    private JarTokens() {
    }

    /** Runs the jar's token command with these options and answers what it printed: the token alone. */
    static String mint(String... options) throws InterruptedException {
        String[] args = new String[options.length + 1];
        args[0] = "token";
        System.arraycopy(options, 0, args, 1, options.length);
        try (RunningJar jar = RunningJar.start(args)) {
            assertThat(jar.awaitExit()).as(jar.output()).isZero();
            String token = jar.output().trim();
            assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            return token;
        }
    }
}
