package dev.switchboard.coordinator.plugins;

import dev.switchboard.spi.SwitchboardException;

/** Why one plugin source is refused; caught by the host and turned into a report entry. */
final class Refusal extends SwitchboardException {

    Refusal(String reason) {
        super(reason);
    }

    @Override
    public String code() {
        return "plugin_refused";
    }

    /** A plain-words description of a throwable: its type, message and the root cause. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof NoClassDefFoundError)) {
            root = root.getCause();
        }
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            String missing = String.valueOf(root.getMessage()).replace('/', '.');
            return "class " + missing + " is missing (" + root.getClass().getSimpleName()
                    + "); shade the dependency into the plugin JAR or declare it in Plugin-Dependencies";
        }
        String text = root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return root == error ? text : error.getClass().getSimpleName() + " caused by " + text;
    }
}
