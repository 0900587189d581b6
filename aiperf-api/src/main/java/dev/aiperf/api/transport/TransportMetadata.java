package dev.aiperf.api.transport;

import java.util.List;

/** Typed form of a {@code transport} entry's metadata: the URL schemes it serves. */
public record TransportMetadata(List<String> urlSchemes) {
    public TransportMetadata {
        urlSchemes = List.copyOf(urlSchemes);
    }
}
