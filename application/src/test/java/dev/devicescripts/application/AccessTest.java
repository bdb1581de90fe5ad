package dev.devicescripts.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTest {
    private static final TenantId TENANT = TenantId.of("6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a");

    @ParameterizedTest
    @ValueSource(strings = {"DeviceManagementScripts.Read.All", "DeviceManagementScripts.ReadWrite.All",
            "DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"})
    void eachReadPermissionAllowsReadingForDelegatedAndApplicationCallers(String permission) {
        for (Actor.Kind kind : Actor.Kind.values()) {
            assertThat(Access.READ.tenantOf(new Caller(TENANT, kind, Set.of(permission)))).isEqualTo(TENANT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeviceManagementScripts.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All"})
    void eachReadWritePermissionAllowsWritingForDelegatedAndApplicationCallers(String permission) {
        for (Actor.Kind kind : Actor.Kind.values()) {
            assertThat(Access.WRITE.tenantOf(new Caller(TENANT, kind, Set.of(permission)))).isEqualTo(TENANT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeviceManagementScripts.Read.All", "DeviceManagementConfiguration.Read.All"})
    void aReadOnlyPermissionDoesNotAllowWritingAndTheRefusalNamesWhatWould(String permission) {
        Caller reader = new Caller(TENANT, Actor.Kind.DELEGATED, Set.of(permission));

        assertThatThrownBy(() -> Access.WRITE.tenantOf(reader))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("delegated permissions")
                .hasMessageContaining(
                        "DeviceManagementScripts.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All")
                .hasMessageContaining("scp claim");
    }

    @Test
    void anApplicationWithoutRolesIsToldWhichRolesWouldAllowTheCall() {
        Caller app = new Caller(TENANT, Actor.Kind.APPLICATION, Set.of("User.Read.All"));

        assertThatThrownBy(() -> Access.READ.tenantOf(app))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("application permissions")
                .hasMessageContaining("DeviceManagementScripts.Read.All")
                .hasMessageContaining("roles claim");
    }

    @Test
    void permissionNamesAreMatchedExactly() {
        Caller sloppy = new Caller(TENANT, Actor.Kind.DELEGATED, Set.of("devicemanagementscripts.readwrite.all"));

        assertThatThrownBy(() -> Access.READ.tenantOf(sloppy)).isInstanceOf(AccessDeniedException.class);
    }

    @ParameterizedTest
    @EnumSource(Access.class)
    void personalMicrosoftAccountsAreRefusedWhateverTheirPermissions(Access access) {
        Caller personal = new Caller(Access.PERSONAL_ACCOUNTS, Actor.Kind.DELEGATED,
                Set.of("DeviceManagementScripts.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All"));

        assertThatThrownBy(() -> access.tenantOf(personal))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Personal Microsoft accounts are not supported");
    }
}
