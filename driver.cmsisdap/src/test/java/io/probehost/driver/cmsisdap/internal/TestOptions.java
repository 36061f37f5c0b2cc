package io.probehost.driver.cmsisdap.internal;

import java.util.HashMap;
import java.util.Map;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;

/** Session options with a few values set, the rest at their defaults. */
final class TestOptions implements SessionOptions {
    private final Map<String, Object> values = new HashMap<>();

    static TestOptions defaults() {
        return new TestOptions();
    }

    TestOptions with(OptionDescriptor<?> option, Object value) {
        values.put(option.name(), value);
        return this;
    }

    @Override
    public <T> T get(OptionDescriptor<T> option) {
        return values.containsKey(option.name()) ? option.convert(values.get(option.name())) : option.defaultValue();
    }
}
