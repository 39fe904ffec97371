package com.aftercare.web.events;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the event publications' JSON with the application's {@link JsonMapper}, as
 * Spring Modulith's own serializer does, but resolved once. Modulith's asks the bean factory for
 * the mapper on every event (an {@code ObjectProvider} look-up with its candidate search): 1.6 % of
 * a request thread's CPU on the ingestion path in the profile of docs/benchmarks.md, for the same
 * mapper every time. Its presence switches Modulith's serializer off
 * ({@code @ConditionalOnMissingBean(EventSerializer.class)}).
 */
@Component
class EventJson implements EventSerializer {

    private final JsonMapper mapper;

    EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object serialize(Object event) {
        return mapper.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readValue(serialized.toString(), type);
    }
}
