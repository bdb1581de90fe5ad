package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.directory.Device;
import java.time.Instant;

/** The directory's (Entra) devices, as Graph's {@code /devices} serves them. */
public interface DeviceUseCases extends ListUseCase<Device>, MemberOfUseCase {
    Device create(Caller caller, NewDevice device);

    Device get(Caller caller, String key);

    /** The device whose alternate key, {@code deviceId}, is {@code deviceId}. */
    Device getByDeviceId(Caller caller, String deviceId);

    void update(Caller caller, String key, DevicePatch patch);

    /** The device leaves every group; a managed device that names it keeps its azureADDeviceId. */
    void delete(Caller caller, String key);

    /** A device as a client registers it; null where the client sent nothing. */
    record NewDevice(Boolean accountEnabled, String deviceId, String displayName, String operatingSystem,
                     String operatingSystemVersion, String trustType, Boolean isManaged, Boolean isCompliant,
                     String deviceOwnership, String enrollmentProfileName, Instant approximateLastSignInDateTime) {
    }

    record DevicePatch(Change<Boolean> accountEnabled, Change<String> displayName, Change<String> operatingSystem,
                       Change<String> operatingSystemVersion, Change<String> trustType, Change<Boolean> isManaged,
                       Change<Boolean> isCompliant, Change<String> deviceOwnership,
                       Change<String> enrollmentProfileName, Change<Instant> approximateLastSignInDateTime) {
    }
}
