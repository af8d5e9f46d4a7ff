package dev.switchboard.media.voice.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a {@link FunctionTool} parameter for the model; optional parameters may be omitted by it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** What the argument means. */
    String value();

    /** Whether the model must supply it (default true); an omitted optional argument is Java's default value. */
    boolean required() default true;
}
