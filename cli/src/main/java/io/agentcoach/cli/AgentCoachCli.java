package io.agentcoach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code agentcoach} command: a thin client of the server's HTTP API.
 */
@Command(name = "agentcoach",
        mixinStandardHelpOptions = true,
        versionProvider = AgentCoachCli.Version.class,
        description = "Command-line client for an AgentCoach server.",
        subcommands = {HealthCommand.class, CommandLine.HelpCommand.class})
public final class AgentCoachCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    static CommandLine newCommandLine() {
        return new CommandLine(new AgentCoachCli());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = AgentCoachCli.class.getResourceAsStream("/agentcoach-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"agentcoach " + properties.getProperty("version", "unknown")};
        }
    }
}
