package dev.switchboard.media.voice.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool the model may call. {@link Tools#from(Object)} turns each such
 * method into a {@link Tool} whose JSON Schema comes from the parameter types and their
 * {@link Param} descriptions (compile with {@code -parameters} so the names survive). A parameter of
 * type {@link RunContext} is injected, not offered to the model. Return a {@code String} (the result
 * the model sees), any other value (sent as JSON), {@code void} ("ok"), or an
 * {@link dev.switchboard.media.voice.agent.Agent} / {@link ToolOutcome.Handoff} to hand the
 * conversation over.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionTool {
    /** What the tool does, for the model. */
    String value();

    /** The tool's name; defaults to the method name. */
    String name() default "";

    /** Per-call timeout in milliseconds (default 10 s); a call that takes longer is reported to the model as failed. */
    long timeoutMillis() default 10_000;
}
