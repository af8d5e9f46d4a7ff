package dev.switchboard.media.voice.agent;

/** What an agent taking over a conversation sees of it. */
public enum ChatContextMode {
    /** The whole conversation so far (its own instructions replace the previous agent's). */
    CARRY,
    /** Only its instructions and the user's last message. */
    RESET
}
