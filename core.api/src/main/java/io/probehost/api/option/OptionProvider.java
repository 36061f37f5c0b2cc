package io.probehost.api.option;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service through which a bundle declares the session options it owns. The options exist while
 * the service is registered: a driver's options go when its bundle is removed.
 */
@ConsumerType
public interface OptionProvider {

    List<OptionDescriptor<?>> options();
}
