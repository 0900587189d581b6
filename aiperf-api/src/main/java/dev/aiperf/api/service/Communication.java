package dev.aiperf.api.service;

import java.util.function.Consumer;

/** Category {@code communication}: how services exchange messages (in memory, or a messaging library). */
public interface Communication extends AutoCloseable {

    void publish(String topic, Object message);

    void subscribe(String topic, Consumer<Object> handler);

    @Override
    void close();
}
