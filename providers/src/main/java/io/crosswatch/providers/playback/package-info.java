/**
 * What the media servers' scrobbling sources share: reading webhook bodies (multipart parts,
 * lenient JSON) and turning positions into percentages.
 */
package io.crosswatch.providers.playback;
