package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one way these tests check that a rule said no: the field a client would see and the rule, in the message. */
final class Rejections {
    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, rejection -> {
            assertThat(rejection.field()).isEqualTo(field);
            assertThat(rejection.getMessage()).startsWith(field + " ").contains(rule);
        });
    }
}
