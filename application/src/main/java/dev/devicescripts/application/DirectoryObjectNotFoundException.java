package dev.devicescripts.application;

/** No user, group or device with this id exists in the caller's tenant; worded as the directory words it. */
public final class DirectoryObjectNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public DirectoryObjectNotFoundException(String id) {
        super("Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
