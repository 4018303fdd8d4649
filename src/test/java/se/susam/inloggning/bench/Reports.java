package se.susam.inloggning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the benchmarks' reports go: printed, and kept in a file if the run names one. */
public final class Reports {

    private Reports() {
    }

    public static void printAndKeep(String report, Optional<Path> file) throws IOException {
        System.out.println();
        System.out.print(report);
        if (file.isPresent()) {
            if (file.get().getParent() != null) {
                Files.createDirectories(file.get().getParent());
            }
            Files.writeString(file.get(), report);
        }
    }
}
