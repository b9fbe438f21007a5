/**
 * Live scrobbling: the reports media servers send while people watch ({@link
 * io.crosswatch.core.scrobble.PlaybackEvent}), the providers' two roles ({@link
 * io.crosswatch.core.scrobble.PlaybackSource} and {@link
 * io.crosswatch.core.scrobble.ScrobbleTarget}) and the rules that turn reports into one start,
 * pause or stop per viewing and sink.
 */
package io.crosswatch.core.scrobble;
