package io.probehost.remote.internal;

/** The station refused the token, or the station could not prove it holds the token. */
final class RemoteAuthException extends RemoteProtocolException {
    private static final long serialVersionUID = 1L;

    RemoteAuthException(String message) {
        super(message);
    }
}
