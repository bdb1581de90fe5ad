package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.INTEGER;
import static dev.devicescripts.application.query.ValueType.STRING;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.DeviceRunState;
import java.util.List;

/** {@code deviceRunStates} of a script: how it last ran on each managed device. */
public final class RunStateCollection {
    /** Opaque in Graph; here {@code {scriptId}:{managedDeviceId}}. */
    public static final Property<DeviceRunState> ID = Property.of("id", STRING,
            state -> state.scriptId() + ":" + state.managedDeviceId());
    public static final Property<DeviceRunState> RUN_STATE = Property.enumeration("runState",
            List.of("unknown", "success", "fail", "scriptError", "pending", "notApplicable"), DeviceRunState::runState);
    public static final Property<DeviceRunState> RESULT_MESSAGE =
            Property.<DeviceRunState>of("resultMessage", STRING, DeviceRunState::resultMessage).nullable();
    public static final Property<DeviceRunState> LAST_STATE_UPDATE_DATE_TIME = Property.<DeviceRunState>of(
            "lastStateUpdateDateTime", DATE_TIME, DeviceRunState::lastStateUpdateDateTime).nullable();
    public static final Property<DeviceRunState> ERROR_CODE = Property.<DeviceRunState>of("errorCode", INTEGER,
            state -> state.errorCode() == null ? null : state.errorCode().longValue()).nullable();
    public static final Property<DeviceRunState> ERROR_DESCRIPTION =
            Property.<DeviceRunState>of("errorDescription", STRING, DeviceRunState::errorDescription).nullable();

    public static final String MANAGED_DEVICE = "managedDevice";

    public static final EntitySet<DeviceRunState> DEVICE_RUN_STATES = new EntitySet<>(
            "deviceManagementScriptDeviceState", List.of(ID, RUN_STATE, RESULT_MESSAGE, LAST_STATE_UPDATE_DATE_TIME,
            ERROR_CODE, ERROR_DESCRIPTION), ID, List.of(), List.of(MANAGED_DEVICE));

    private RunStateCollection() {
    }
}
