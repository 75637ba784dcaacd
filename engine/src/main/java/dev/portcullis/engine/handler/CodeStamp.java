package dev.portcullis.engine.handler;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A cheap fingerprint of a handler's code folder (file count, total size, newest modification), so
 * an edited handler runs as edited on the next call: a warm worker holds the module it loaded, as a
 * Lambda environment holds its deployment. Dependency and build folders are not walked (a changed
 * {@code node_modules} needs a world restart); a folder over {@value #FILE_LIMIT} files is stamped
 * by its first {@value #FILE_LIMIT}.
 */
record CodeStamp(Path folder, long files, long bytes, long newestMillis) {
  static final int FILE_LIMIT = 2_000;
  private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "__pycache__", ".aws-sam", ".venv", "venv");

  static CodeStamp of(Path folder) {
    long[] acc = new long[3];
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(folder) && SKIPPED.contains(String.valueOf(dir.getFileName()))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          acc[0]++;
          acc[1] += attrs.size();
          acc[2] = Math.max(acc[2], attrs.lastModifiedTime().toMillis());
          return acc[0] >= FILE_LIMIT ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return new CodeStamp(folder, -1, -1, -1);
    }
    return new CodeStamp(folder, acc[0], acc[1], acc[2]);
  }
}
