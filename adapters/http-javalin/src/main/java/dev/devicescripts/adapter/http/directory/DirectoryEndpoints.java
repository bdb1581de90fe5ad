package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.adapter.http.graph.GraphResource;
import java.util.List;

/** The directory's resources, for the server to serve beside the scripts. */
public final class DirectoryEndpoints {
    private DirectoryEndpoints() {
    }

    public static List<GraphResource.Factory> factories(DirectoryUseCases useCases) {
        return List.of(shared -> new GroupEndpoints(useCases.groups(), shared),
                shared -> new UserEndpoints(useCases.users(), shared),
                shared -> new DeviceEndpoints(useCases.devices(), shared));
    }
}
