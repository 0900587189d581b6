package dev.aiperf.dataset;

/**
 * Why synthetic video is refused. The original renders frames and encodes them with FFmpeg
 * (VP9/WebM by default, H.264/MP4); there is no well-kept pure-Java WebM or MP4 encoder to do that
 * offline, and this build sends no fake video. Videos from files still work.
 */
public final class SyntheticVideo {

    /** The message for {@code --video-width}/{@code --video-height}. */
    public static final String UNSUPPORTED = "--video-width/--video-height: synthetic video is not supported by this"
            + " build. The original encodes video with FFmpeg, and there is no well-kept Java library that encodes"
            + " WebM or MP4 offline. Send real videos from a dataset file instead (single_turn 'video'/'videos':"
            + " .mp4 or .webm paths, URLs or data URIs)";

    private SyntheticVideo() {
    }
}
